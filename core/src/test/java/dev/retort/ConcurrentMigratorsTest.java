package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrators that meet on one schema: eight engines started at once apply every revision exactly
 * once; a stamp that waited for another migrator's lock plans from what that migrator left.
 */
class ConcurrentMigratorsTest {

    private static final int ENGINES = 8;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void eightEnginesStartedAtOnceApplyEveryRevisionExactlyOnce(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            ExecutorService threads = Executors.newFixedThreadPool(ENGINES);
            List<HikariDataSource> pools = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MigrationResult>> results = new ArrayList<>();
                for (int i = 0; i < ENGINES; i++) {
                    HikariConfig config = new HikariConfig();
                    config.setJdbcUrl(db.url());
                    config.setMaximumPoolSize(2);
                    config.setPoolName("engine-" + i);
                    HikariDataSource pool = new HikariDataSource(config);
                    pools.add(pool);
                    Retort retort = Retort.builder().dataSource(pool).locations(files.location())
                            .lockTimeout(Duration.ofSeconds(60)).build();
                    results.add(threads.submit(() -> {
                        start.await();
                        return retort.upgrade("head");
                    }));
                }
                start.countDown();
                int applied = 0;
                for (Future<MigrationResult> result : results) {
                    MigrationResult r = result.get(120, TimeUnit.SECONDS);
                    applied += r.applied().size();
                    assertThat(r.resultingHeads()).containsExactly("d1");
                }
                assertThat(applied).isEqualTo(5);
            } finally {
                threads.shutdownNow();
                threads.awaitTermination(30, TimeUnit.SECONDS);
                pools.forEach(HikariDataSource::close);
            }

            SchemaInspector inspect = new SchemaInspector(db);
            assertThat(inspect.versionRows()).containsExactly("d1");
            Map<String, Long> upgradesPerRevision = inspect.query(
                            "SELECT revision FROM retort_history WHERE operation = 'upgrade' AND success = TRUE").stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(upgradesPerRevision).containsOnlyKeys("a1", "b1", "c1", "m1", "d1");
            assertThat(upgradesPerRevision.values()).allMatch(count -> count == 1);
            assertThat(inspect.userTables()).containsExactly("audit", "customers", "orders", "products");
        }
    }

    /**
     * {@code retort stamp head} run by hand while a deploy upgrades: the stamp reads the version
     * table (a1) and waits for the migration lock; the upgrade then takes the schema to head and
     * releases it. The stamp must plan again from what it finds under the lock (already at head:
     * nothing to write), not from what it read before waiting (moving a row a1 that is gone).
     * PostgreSQL, where the test can see who waits for which lock.
     */
    @Test
    void aStampThatWaitedForTheLockPlansFromWhatTheOtherMigratorLeft() throws Exception {
        // b1 waits at a gate the test holds (an advisory lock keyed by the schema), so the upgrade
        // keeps the migration lock until the test lets it go.
        MigrationFiles files = new MigrationFiles(folder)
                .add("a1", "base", "create customers", """
                        -- +upgrade
                        CREATE TABLE customers (id INT PRIMARY KEY);
                        """)
                .add("b1", "a1", "create orders", """
                        -- +upgrade
                        SELECT pg_advisory_xact_lock_shared(hashtext(current_schema()));
                        CREATE TABLE orders (id INT PRIMARY KEY);
                        """)
                .add("c1", "b1", "create products", """
                        -- +upgrade
                        CREATE TABLE products (id INT PRIMARY KEY);
                        """);
        try (TestDatabase db = TestDatabase.postgres(); Connection gate = db.connect();
             HikariDataSource deploy = onePool(db, "deploy"); HikariDataSource operator = onePool(db, "operator")) {
            Retort.builder().dataSource(deploy).locations(files.location()).build().upgrade("a1");
            execute(gate, "SELECT pg_advisory_lock(hashtext('" + db.schema() + "'))");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<MigrationResult> upgrade = threads.submit(() -> Retort.builder().dataSource(deploy)
                        .locations(files.location()).build().upgrade("head"));
                awaitWaitingForAnAdvisoryLock(gate, backendPid(deploy)); // at the gate, holding the migration lock
                Future<MigrationResult> stamp = threads.submit(() -> Retort.builder().dataSource(operator)
                        .locations(files.location()).lockTimeout(Duration.ofSeconds(60)).build()
                        .stamp(List.of("head"), false));
                awaitWaitingForAnAdvisoryLock(gate, backendPid(operator)); // read a1, waits for the migration lock
                execute(gate, "SELECT pg_advisory_unlock(hashtext('" + db.schema() + "'))");

                assertThat(upgrade.get(60, TimeUnit.SECONDS).resultingHeads()).containsExactly("c1");
                MigrationResult stamped = stamp.get(60, TimeUnit.SECONDS);
                assertThat(stamped.from()).containsExactly("c1");
                assertThat(stamped.resultingHeads()).containsExactly("c1");
            } finally {
                threads.shutdownNow();
                threads.awaitTermination(30, TimeUnit.SECONDS);
            }
            SchemaInspector inspect = new SchemaInspector(db);
            assertThat(inspect.versionRows()).containsExactly("c1");
            assertThat(inspect.query("SELECT revision || ' ' || operation FROM retort_history ORDER BY id"))
                    .containsExactly("a1 upgrade", "b1 upgrade", "c1 upgrade");
        }
    }

    /** A pool of one connection, so that its backend pid is the one its engine's runs use. */
    private static HikariDataSource onePool(TestDatabase db, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setMaximumPoolSize(1);
        config.setPoolName(name + "-" + db.schema());
        return new HikariDataSource(config);
    }

    private static int backendPid(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection()) {
            return single(connection, "SELECT pg_backend_pid()");
        }
    }

    /** Waits (up to 30 s) until backend {@code pid} waits for an advisory lock. */
    private static void awaitWaitingForAnAdvisoryLock(Connection observer, int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (single(observer, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND pid = " + pid) == 0) {
            assertThat(System.nanoTime()).as("backend %d waiting for an advisory lock", pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
