package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Eight engines started at once against one schema apply every revision exactly once. */
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
}
