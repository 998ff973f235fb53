package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.AppliedRevision;
import dev.retort.ChecksumMismatchException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationListener;
import dev.retort.NonEmptySchemaException;
import dev.retort.Retort;
import dev.retort.boot.LastRun;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.MigrationState;
import dev.retort.boot.actuate.RetortHealthIndicator;
import dev.retort.boot.actuate.RetortMetrics;
import dev.retort.boot.actuate.RetortMigrationsEndpoint;
import dev.retort.boot.diagnostics.RetortFailureAnalyzer;
import dev.retort.boot.support.MigrationFiles;
import dev.retort.graph.MultipleHeadsException;
import dev.retort.script.ScriptLoadException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What start-up does in each situation the database and the migration files can be in,
 * with {@code retort.run-at=startup} so the run happens inside the context runner. Each
 * test has its own H2 database and its own migration folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupScenariosTest {

    @TempDir
    Path folder;

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private ApplicationContextRunner runner(MigrationFiles files) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
                        RetortEndpointAutoConfiguration.class, RetortHealthAutoConfiguration.class,
                        RetortMetricsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url, "retort.run-at=startup",
                        "retort.locations=" + files.location(),
                        "management.endpoints.web.exposure.include=migrations");
    }

    private MigrationFiles twoRevisions() {
        return MigrationFiles.in(folder)
                .revision("bb01", "base", "create customers", "CREATE TABLE customers (id INT PRIMARY KEY);",
                        "DROP TABLE customers;")
                .revision("bb02", "bb01", "add email", "ALTER TABLE customers ADD COLUMN email VARCHAR(200);",
                        "ALTER TABLE customers DROP COLUMN email;");
    }

    @Test
    void migratesBeforeTheContextIsReady() {
        runner(twoRevisions()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(versionRows()).containsExactly("bb02");
            LastRun lastRun = context.getBean(MigrationRunTracker.class).lastRun();
            assertThat(lastRun.status()).isEqualTo(LastRun.SUCCEEDED);
            assertThat(lastRun.applied()).containsExactly("bb01", "bb02");
        });
    }

    @Test
    void upgradesOnlyToTheConfiguredTarget() {
        runner(twoRevisions()).withPropertyValues("retort.target=bb01").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(versionRows()).containsExactly("bb01");
            RetortMigrationsEndpoint.EngineDescriptor engine = context.getBean(RetortMigrationsEndpoint.class)
                    .migrations().engines().get("retort");
            assertThat(engine.state()).isEqualTo(MigrationState.PENDING);
            assertThat(engine.pending()).extracting("revision").containsExactly("bb02");
            // Where the application asked to be: ready, although the build has a newer head.
            assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void keepsItsTablesWhereTheSettingsSay() {
        runner(twoRevisions())
                .withPropertyValues("retort.version-table=app_versions", "retort.history-table=app_history",
                        "retort.transaction-mode=all", "retort.lock-timeout=5s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(query("SELECT version_num FROM app_versions")).containsExactly("bb02");
                    assertThat(query("SELECT revision FROM app_history ORDER BY id")).containsExactly("bb01", "bb02");
                    assertThat(context.getBean(RetortMigrationsEndpoint.class).migrations().engines().get("retort")
                            .versionTable()).isEqualTo("app_versions");
                });
    }

    @Test
    void migratesTheConfiguredSchema() throws SQLException {
        execute("CREATE SCHEMA billing");
        runner(twoRevisions()).withPropertyValues("retort.schema=BILLING").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(query("SELECT version_num FROM billing.retort_version")).containsExactly("bb02");
        });
    }

    @Test
    void failsWhenLocationIsMissing() {
        MigrationFiles missing = MigrationFiles.in(folder.resolve("does-not-exist"));
        runner(missing).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ScriptLoadException.class)
                    .hasMessageContaining("does-not-exist");
            FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("retort.locations");
        });
    }

    @Test
    void failsWhenAFileIsMalformed() {
        MigrationFiles files = MigrationFiles.in(folder).file("cc01_broken.sql",
                "-- revisoin: cc01\n-- revises: base\n\n-- +upgrade\nCREATE TABLE t (id INT);\n");
        runner(files).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ScriptLoadException.class)
                    .hasMessageContaining("cc01_broken.sql");
        });
    }

    @Test
    void failsWhenSeveralHeadsExistAndTheTargetIsHead() {
        MigrationFiles files = twoRevisions()
                .revision("bb03", "bb01", "add phone", "ALTER TABLE customers ADD COLUMN phone VARCHAR(20);",
                        "ALTER TABLE customers DROP COLUMN phone;");
        runner(files).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MultipleHeadsException.class)
                    .hasMessageContaining("bb02").hasMessageContaining("bb03");
            FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("retort merge").contains("retort.target=heads");
        });
        runner(files).withPropertyValues("retort.target=heads").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(versionRows()).containsExactlyInAnyOrder("bb02", "bb03");
        });
    }

    @Test
    void failsWhenTheTargetIsNotARevisionOfThisBuild() {
        runner(twoRevisions()).withPropertyValues("retort.target=zz99").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("zz99");
            FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("retort.target");
        });
    }

    @Test
    void failsWhenAnAppliedFileChangedAndListsIt() {
        MigrationFiles files = twoRevisions();
        runner(files).run(context -> assertThat(context).hasNotFailed());
        files.revision("bb01", "base", "create customers", "CREATE TABLE customers (id BIGINT PRIMARY KEY);",
                "DROP TABLE customers;");
        runner(files).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("bb01");
            ChecksumMismatchException error = (ChecksumMismatchException) rootCause(context.getStartupFailure());
            assertThat(error.mismatches()).extracting("revision").containsExactly("bb01");
        });
    }

    @Test
    void onlyWarnsAboutChangedFilesWhenChecksumsAreNotValidated(CapturedOutput output) {
        MigrationFiles files = twoRevisions();
        runner(files).run(context -> assertThat(context).hasNotFailed());
        files.revision("bb01", "base", "create customers", "CREATE TABLE customers (id BIGINT PRIMARY KEY);",
                "DROP TABLE customers;");
        runner(files).withPropertyValues("retort.validate-checksums=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MigrationRunTracker.class).lastRun().status()).isEqualTo(LastRun.SUCCEEDED);
            assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
        assertThat(output).contains("changed since they were applied").contains("bb01")
                .contains("retort.validate-checksums=false");
    }

    @Test
    void leavesADatabaseAtAnUnknownRevisionAloneDuringARollingDeploy(CapturedOutput output) {
        runner(twoRevisions()).run(context -> assertThat(context).hasNotFailed());
        // The older build: it only knows bb01, the database is at bb02.
        MigrationFiles older = MigrationFiles.in(folder.resolve("older"))
                .revision("bb01", "base", "create customers", "CREATE TABLE customers (id INT PRIMARY KEY);",
                        "DROP TABLE customers;");
        runner(older).run(context -> {
            assertThat(context).hasNotFailed();
            LastRun lastRun = context.getBean(MigrationRunTracker.class).lastRun();
            assertThat(lastRun.status()).isEqualTo(LastRun.SKIPPED);
            assertThat(lastRun.applied()).isEmpty();
            assertThat(context.getBean(RetortMigrationsEndpoint.class).migrations().engines().get("retort").state())
                    .isEqualTo(MigrationState.UNKNOWN_REVISION);
            assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(versionRows()).containsExactly("bb02");
        });
        assertThat(output).contains("bb02").contains("does not migrate it");
    }

    @Test
    void refusesANonEmptySchemaWithoutBaselineRevision() throws SQLException {
        execute("CREATE TABLE legacy (id INT)");
        runner(twoRevisions()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NonEmptySchemaException.class);
            FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("retort.baseline-revision");
        });
    }

    @Test
    void stampsANonEmptySchemaAtTheBaselineRevisionThenUpgrades() throws SQLException {
        execute("CREATE TABLE customers (id INT PRIMARY KEY)");
        runner(twoRevisions()).withPropertyValues("retort.baseline-revision=bb01").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(versionRows()).containsExactly("bb02");
            assertThat(context.getBean(MigrationRunTracker.class).lastRun().applied()).containsExactly("bb02");
        });
    }

    @Test
    void onFailureContinueStartsTheContextAndRemembersTheFailure() {
        MigrationFiles files = twoRevisions()
                .revision("bb03", "bb02", "broken", "ALTER TABLE nowhere ADD COLUMN x INT;", "");
        runner(files).withPropertyValues("retort.on-failure=continue").run(context -> {
            assertThat(context).hasNotFailed();
            MigrationRunTracker tracker = context.getBean(MigrationRunTracker.class);
            assertThat(tracker.lastRun().status()).isEqualTo(LastRun.FAILED);
            assertThat(tracker.lastRun().error()).contains("bb03");
            assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(versionRows()).containsExactly("bb02");
        });
    }

    @Test
    void timesEachRevisionWithItsOutcome() {
        MigrationFiles files = twoRevisions()
                .revision("bb03", "bb02", "broken", "ALTER TABLE nowhere ADD COLUMN x INT;", "");
        runner(files).withPropertyValues("retort.on-failure=continue")
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(RetortMetrics.MIGRATION_TIMER).tag("revision", "bb01")
                            .tag("outcome", "success").timer().count()).isEqualTo(1);
                    assertThat(registry.get(RetortMetrics.MIGRATION_TIMER).tag("revision", "bb03")
                            .tag("outcome", "failure").timer().count()).isEqualTo(1);
                    assertThat(registry.get(RetortMetrics.PENDING_GAUGE).gauge().value()).isEqualTo(1.0);
                });
    }

    /** The pending gauge follows the database, not only the start-up run: another instance upgrades it. */
    @Test
    void thePendingGaugeFollowsTheLatestStatusReading() {
        MigrationFiles files = twoRevisions();
        runner(files).withPropertyValues("retort.target=bb01")
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(RetortMetrics.PENDING_GAUGE).gauge().value()).isEqualTo(1.0);

                    // Another instance (its own engine, not this context's) takes the database to head.
                    Retort.builder().dataSource(context.getBean(DataSource.class))
                            .locations(files.location()).build().upgrade("head");
                    assertThat(registry.get(RetortMetrics.PENDING_GAUGE).gauge().value()).isEqualTo(1.0);

                    context.getBean(RetortHealthIndicator.class).health(); // a readiness probe reads the status
                    assertThat(registry.get(RetortMetrics.PENDING_GAUGE).gauge().value()).isZero();
                });
    }

    @Test
    void failsWhenTheBaselineRevisionIsNotInTheMigrationFiles() {
        runner(twoRevisions()).withPropertyValues("retort.baseline-revision=ffff0000").run(context -> {
            assertThat(context).hasFailed();
            Throwable error = context.getStartupFailure();
            FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(error);
            assertThat(analysis.getDescription()).contains("retort.baseline-revision").contains("ffff0000");
            assertThat(analysis.getAction()).contains("retort.* property");
        });
    }

    @Test
    void migratesTheDatabaseOfRetortUrlInsteadOfTheApplicationsOne() {
        String migrationUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        runner(twoRevisions())
                .withPropertyValues("retort.url=" + migrationUrl, "retort.user=sa", "retort.password=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(queryAt(migrationUrl, "SELECT version_num FROM retort_version")).containsExactly("bb02");
                    assertThat(query("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'RETORT_VERSION'"
                            + " OR table_name = 'retort_version'")).containsExactly("0");
                });
    }

    @Test
    void migratesAsRetortUserOnTheApplicationsDatabase() throws SQLException {
        execute("CREATE USER migrator PASSWORD 'migrator-secret' ADMIN");
        runner(twoRevisions())
                .withPropertyValues("spring.datasource.username=sa", "retort.user=migrator",
                        "retort.password=migrator-secret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(query("SELECT DISTINCT applied_by FROM retort_history")).containsExactly("MIGRATOR");
                });
    }

    @Test
    void failsWithTheLockTimeoutWhileAnotherInstanceMigrates() throws Exception {
        MigrationFiles files = twoRevisions();
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MigrationListener slowInstance = new MigrationListener() {
            @Override
            public void revisionApplied(AppliedRevision revision) {
                applying.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> runner(files)
                .withBean("slowInstance", MigrationListener.class, () -> slowInstance)
                .run(context -> assertThat(context).hasNotFailed()));
        try {
            assertThat(applying.await(60, TimeUnit.SECONDS)).isTrue();
            runner(files).withPropertyValues("retort.lock-timeout=1s").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(LockTimeoutException.class);
                FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getAction()).contains("retort.lock-timeout");
            });
        }
        finally {
            release.countDown();
        }
        first.get(60, TimeUnit.SECONDS);
        assertThat(versionRows()).containsExactly("bb02");
    }

    private List<String> versionRows() throws SQLException {
        return query("SELECT version_num FROM retort_version");
    }

    private List<String> query(String sql) throws SQLException {
        return queryAt(url, sql);
    }

    private static List<String> queryAt(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
