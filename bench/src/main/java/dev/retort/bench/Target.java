package dev.retort.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A database to benchmark on: an in-memory H2 database or a PostgreSQL schema, fresh for
 * every run and dropped after it, reached through a warmed-up connection pool (as a
 * service would have) that counts round trips.
 */
public final class Target implements AutoCloseable {

    public enum Kind {
        H2, POSTGRESQL;

        public String label() {
            return this == H2 ? "H2 (in memory)" : "PostgreSQL (loopback)";
        }
    }

    /**
     * A database another process prepared (the whole-process probe): nothing is created or
     * dropped, only a pool is opened on {@code url}.
     */
    public static Target existing(Kind kind, String url, String schema) {
        return new Target(kind, schema, url, null, false);
    }

    /** Where PostgreSQL is, unless {@code RETORT_BENCH_POSTGRES_URL} or {@code RETORT_TEST_POSTGRES_URL} says. */
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kind kind;
    private final String schema;
    private final String url;
    private final String adminUrl;
    private final HikariDataSource pool;
    private final CountingDataSource counting;

    private Target(Kind kind, String schema, String url, String adminUrl, boolean countRoundTrips) {
        this.kind = kind;
        this.schema = schema;
        this.url = url;
        this.adminUrl = adminUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(2);
        config.setPoolName("bench");
        this.pool = new HikariDataSource(config);
        try (Connection warm = pool.getConnection()) {
            warm.isValid(1);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("Cannot connect to the benchmark database: " + e.getMessage(), e);
        }
        this.counting = countRoundTrips ? new CountingDataSource(pool) : null;
    }

    /** A fresh database for one run; {@code countRoundTrips} wraps it in a {@link CountingDataSource}. */
    public static Target create(Kind kind, boolean countRoundTrips) {
        String name = "bench_" + HexFormat.of().formatHex(randomBytes());
        Target target;
        if (kind == Kind.H2) {
            target = new Target(kind, "PUBLIC", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, countRoundTrips);
        } else {
            String admin = postgresUrl();
            execute(admin, "CREATE SCHEMA " + name);
            String url = admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + name;
            target = new Target(kind, name, url, admin, countRoundTrips);
        }
        target.awaitMinimumIdle();
        return target;
    }

    /**
     * Waits (up to 10 s) until the pool holds its minimum of idle connections. HikariCP opens
     * them in the background after start-up; without the wait, whichever tool asks for a
     * second connection right away (Retort's lock on H2, Flyway's) would time the pool's
     * start-up instead of its own work, which a running service never pays.
     */
    private void awaitMinimumIdle() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.getHikariPoolMXBean().getIdleConnections() < pool.getMinimumIdle() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String postgresUrl() {
        for (String variable : new String[] {"RETORT_BENCH_POSTGRES_URL", "RETORT_TEST_POSTGRES_URL"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return DEFAULT_POSTGRES_URL;
    }

    public Kind kind() {
        return kind;
    }

    /** The schema (PostgreSQL) or {@code PUBLIC} (H2) this run owns. */
    public String schema() {
        return schema;
    }

    public String url() {
        return url;
    }

    /** The pooled DataSource every tool gets (counting round trips when asked to). */
    public javax.sql.DataSource dataSource() {
        return counting != null ? counting : pool;
    }

    /** Round trips so far; only for a target created with {@code countRoundTrips}. */
    public CountingDataSource.Counts counts() {
        return counting.counts();
    }

    public String flywaySchema() {
        return kind == Kind.H2 ? "PUBLIC" : schema;
    }

    public String lowerSchema() {
        return schema.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (kind == Kind.POSTGRESQL && adminUrl == null) {
            pool.close();
        } else if (kind == Kind.H2) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // The database is gone either way once the pool closes.
            }
            pool.close();
        } else {
            pool.close();
            dropSchema();
        }
    }

    /**
     * Drops the run's schema. A single {@code DROP SCHEMA ... CASCADE} locks every table and
     * index in one transaction, which with thousands of tables runs out of PostgreSQL's lock
     * table (max_locks_per_transaction), so the tables go first, a few hundred per transaction.
     * Then the catalogs are vacuumed and a checkpoint is taken, so the next run starts from a
     * catalog like a fresh database's and with nothing of this run left to write out.
     */
    private void dropSchema() {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = '"
                    + schema + "'")) {
                while (rs.next()) {
                    tables.add(schema + "." + rs.getString(1));
                }
            }
            for (int from = 0; from < tables.size(); from += 200) {
                s.execute("DROP TABLE IF EXISTS " + String.join(", ", tables.subList(from, Math.min(tables.size(), from + 200)))
                        + " CASCADE");
            }
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            // Thousands of dropped tables per run leave the system catalogs bloated with dead rows
            // faster than autovacuum clears them, and every later run of every tool would pay for
            // it in each catalog scan (pg_class grew to 80 MB here): clean up, outside the timing.
            s.execute("VACUUM pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_type, pg_catalog.pg_depend, "
                    + "pg_catalog.pg_index, pg_catalog.pg_constraint, pg_catalog.pg_attrdef");
            // A run of thousands of tables leaves gigabytes of WAL and dirty pages behind; a
            // checkpoint triggered by them would land in the next tool's run and double its
            // commit latency there. Write them out now, outside the timing.
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark clean-up failed dropping schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark setup failed running '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
