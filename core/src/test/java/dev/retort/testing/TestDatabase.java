package dev.retort.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A database of its own for one test: a fresh in-memory H2 database, a fresh PostgreSQL
 * schema, or a fresh MariaDB database, removed again by {@link #close()}.
 *
 * <p>Where the servers come from, in order:
 * <ol>
 *   <li>{@code RETORT_TEST_POSTGRES_URL} / {@code RETORT_TEST_MARIADB_URL}: JDBC URLs with
 *       credentials of a server this test may create schemas in (set by {@code .ci/run});</li>
 *   <li>else Testcontainers, when a Docker engine is present (one container per JVM);</li>
 *   <li>else the test is skipped with a message saying which variable to set, unless
 *       {@code RETORT_TEST_REQUIRE_DATABASES=true}, in which case the test fails.</li>
 * </ol>
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.postgres()) {
 *     Retort retort = Retort.builder().dataSource(db.dataSource())...;
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        H2, POSTGRESQL, MARIADB;

        /** Lower-case name, handy in parameterised test names. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String POSTGRES_URL_VARIABLE = "RETORT_TEST_POSTGRES_URL";
    public static final String MARIADB_URL_VARIABLE = "RETORT_TEST_MARIADB_URL";
    public static final String REQUIRE_VARIABLE = "RETORT_TEST_REQUIRE_DATABASES";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Kind kind;
    private final String url;
    private final String schema;
    private final Runnable drop;
    private HikariDataSource dataSource;

    private TestDatabase(Kind kind, String url, String schema, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
        this.drop = drop;
    }

    public static TestDatabase of(Kind kind) {
        return switch (kind) {
            case H2 -> h2();
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    /** A private in-memory H2 database, alive until {@link #close()}. */
    public static TestDatabase h2() {
        String name = uniqueName();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(Kind.H2, url, "PUBLIC", () -> execute(url, "SHUTDOWN"));
    }

    /**
     * A fresh schema in the test PostgreSQL database. {@link #url()} selects it as the
     * connection's current schema, so unqualified names land in it.
     */
    public static TestDatabase postgres() {
        String adminUrl = serverUrl(POSTGRES_URL_VARIABLE, "PostgreSQL", () -> Containers.postgres());
        String schema = uniqueName();
        execute(adminUrl, "CREATE SCHEMA " + schema);
        String url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(Kind.POSTGRESQL, url, schema,
                () -> execute(adminUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A fresh database (MariaDB's word for a schema) on the test MariaDB server. */
    public static TestDatabase mariadb() {
        String adminUrl = serverUrl(MARIADB_URL_VARIABLE, "MariaDB", () -> Containers.mariadb());
        String schema = uniqueName();
        execute(adminUrl, "CREATE DATABASE " + schema);
        String url = withDatabase(adminUrl, schema);
        return new TestDatabase(Kind.MARIADB, url, schema,
                () -> execute(adminUrl, "DROP DATABASE IF EXISTS " + schema));
    }

    /**
     * Skips the calling test (or fails it, with {@code RETORT_TEST_REQUIRE_DATABASES=true})
     * when no server of this kind is at hand. Call it from a {@code @BeforeAll} of a Spring test
     * class, so the class is skipped before Spring tries to build a context on a database
     * that is not there.
     */
    public static void assumeAvailable(Kind kind) {
        switch (kind) {
            case H2 -> { }
            case POSTGRESQL -> serverUrl(POSTGRES_URL_VARIABLE, "PostgreSQL", () -> Containers.postgres());
            case MARIADB -> serverUrl(MARIADB_URL_VARIABLE, "MariaDB", () -> Containers.mariadb());
        }
    }

    public Kind kind() {
        return kind;
    }

    /** JDBC URL (with credentials) of this test's database or schema. */
    public String url() {
        return url;
    }

    /** The schema (PostgreSQL), database (MariaDB) or {@code PUBLIC} (H2) that is this test's. */
    public String schema() {
        return schema;
    }

    /** A pooled DataSource on {@link #url()}, closed with this database. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(12);
            config.setMinimumIdle(0);
            config.setPoolName("test-" + schema);
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    /** A new connection to {@link #url()}; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        drop.run();
    }

    @Override
    public String toString() {
        return kind.label();
    }

    private static String serverUrl(String variable, String product, Supplier<JdbcDatabaseContainer<?>> container) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        if (dockerAvailable()) {
            JdbcDatabaseContainer<?> running = container.get();
            return running.getJdbcUrl() + (running.getJdbcUrl().contains("?") ? "&" : "?")
                    + "user=" + running.getUsername() + "&password=" + running.getPassword();
        }
        String why = product + " tests need a server: set " + variable
                + " to a JDBC URL with credentials (see .ci/run), or start a Docker engine for Testcontainers.";
        if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(why + " " + REQUIRE_VARIABLE + "=true, so this is a failure, not a skip.");
        }
        if (WARNED.add(product)) {
            // Once per JVM, so that a plain `mvn verify` says why tests were skipped.
            System.err.println("[retort tests] " + product + " tests are SKIPPED: " + why);
        }
        Assumptions.abort("Skipped: " + why);
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * The Testcontainers servers, one per JVM. A class of its own, reached only through
     * lambdas (not method references, which link eagerly), so that modules whose test class
     * path lacks a Testcontainers module can still use TestDatabase with the environment
     * variables: these classes load only when a container is really started.
     */
    private static final class Containers {

        private static JdbcDatabaseContainer<?> postgres;
        private static JdbcDatabaseContainer<?> mariadb;

        static synchronized JdbcDatabaseContainer<?> postgres() {
            if (postgres == null) {
                PostgreSQLContainer started = new PostgreSQLContainer("postgres:17-alpine");
                started.start();
                postgres = started;
            }
            return postgres;
        }

        static synchronized JdbcDatabaseContainer<?> mariadb() {
            if (mariadb == null) {
                MariaDBContainer started = new MariaDBContainer("mariadb:11").withUsername("root");
                started.start();
                mariadb = started;
            }
            return mariadb;
        }
    }

    /** Replaces the database part of a {@code jdbc:mariadb://host:port/db?params} (or {@code jdbc:postgresql:...}) URL. */
    public static String withDatabase(String jdbcUrl, String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed running '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String uniqueName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "rt_" + HexFormat.of().formatHex(bytes);
    }
}
