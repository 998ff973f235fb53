package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Direction;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of the engine notices, on H2 (the per-database differences have their own tests). */
class EngineBehaviourTest {

    @TempDir
    Path folder;

    private TestDatabase db;
    private SchemaInspector inspect;
    private MigrationFiles files;

    @BeforeEach
    void setUp() {
        db = TestDatabase.h2();
        inspect = new SchemaInspector(db);
        files = MigrationFiles.branchedAndMerged(folder);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Retort.Builder engine() {
        return Retort.builder().dataSource(db.dataSource()).locations(files.location());
    }

    @Test
    void aDowngradeThroughAnIrreversibleRevisionIsRefusedBeforeAnythingRuns() throws Exception {
        files.add("e1", "d1", "load reference data", """
                -- +upgrade
                CREATE TABLE countries (code VARCHAR(2) PRIMARY KEY);
                """);
        Retort retort = engine().build();
        retort.upgrade("head");

        assertThatThrownBy(() -> retort.downgrade("c1"))
                .isInstanceOfSatisfying(IrreversibleRevisionException.class, e -> {
                    assertThat(e.revision()).isEqualTo("e1");
                    assertThat(e.location()).endsWith("e1_e1.sql");
                })
                .hasMessageContaining("no '-- +downgrade' section")
                .hasMessageContaining("Nothing was run");
        assertThat(inspect.versionRows()).containsExactly("e1");
        assertThat(inspect.userTables()).contains("countries", "products");
        assertThatThrownBy(() -> retort.plan(Operation.DOWNGRADE, List.of("base"), false))
                .isInstanceOf(IrreversibleRevisionException.class);
    }

    @Test
    void aChangedFileIsReportedByValidateRefusedByUpgradeAndAcceptedAfterRepair() throws Exception {
        Retort retort = engine().build();
        retort.upgrade("c1");
        String before = retort.scripts().script("a1").checksum();
        Path a1 = folder.resolve("a1_a1.sql");
        Files.writeString(a1, Files.readString(a1) + "\n-- a comment added later\n");

        Retort changed = engine().build();
        ValidationResult validation = changed.validate();
        assertThat(validation.valid()).isFalse();
        assertThat(validation.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.revision()).isEqualTo("a1");
            assertThat(m.location()).endsWith("a1_a1.sql");
            assertThat(m.stored()).isEqualTo(before);
            assertThat(m.current()).isEqualTo(changed.scripts().script("a1").checksum()).isNotEqualTo(before);
        });
        assertThat(changed.status().checksumMismatches()).hasSize(1);

        assertThatThrownBy(() -> changed.upgrade("head"))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> assertThat(e.mismatches()).hasSize(1))
                .hasMessageContaining("a1 (")
                .hasMessageContaining("retort repair")
                .hasMessageContaining("retort.validate-checksums");
        assertThat(inspect.versionRows()).containsExactly("c1");

        RepairResult repair = changed.repair();
        assertThat(repair.realigned()).extracting(ChecksumMismatch::revision).containsExactly("a1");
        assertThat(changed.validate().valid()).isTrue();
        changed.upgrade("head");
        assertThat(inspect.versionRows()).containsExactly("d1");
    }

    @Test
    void upgradeGoesAheadDespiteDriftWhenChecksumValidationIsOff() throws Exception {
        engine().build().upgrade("a1");
        Path a1 = folder.resolve("a1_a1.sql");
        Files.writeString(a1, Files.readString(a1) + "\n-- changed\n");
        engine().validateChecksums(false).build().upgrade("head");
        assertThat(inspect.versionRows()).containsExactly("d1");
    }

    @Test
    void aRevisionUnknownToThisBuildIsReportedAndNeverFixedSilently() throws Exception {
        Retort retort = engine().build();
        retort.upgrade("head");
        inspect.execute("UPDATE retort_version SET version_num = 'f00d' WHERE version_num = 'd1'");

        Status status = retort.status();
        assertThat(status.unknownRevisions()).containsExactly("f00d");
        assertThat(status.upToDate()).isFalse();
        assertThat(retort.validate().unknownRevisions()).containsExactly("f00d");
        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(UnknownRevisionException.class,
                        e -> assertThat(e.revisions()).containsExactly("f00d"))
                .hasMessageContaining("newer build")
                .hasMessageContaining("retort stamp");
        assertThat(inspect.versionRows()).containsExactly("f00d");

        retort.stamp(List.of("d1"), true);
        assertThat(inspect.versionRows()).containsExactly("d1");
    }

    @Test
    void stampTargetsOnOneLineOfHistoryAreWrittenAsAlembicDoesAndTheNextRunNamesTheRepair() throws Exception {
        Retort retort = engine().build();
        retort.upgrade("a1");

        assertThat(retort.plan(Operation.STAMP, List.of("b1", "d1"), false).warnings())
                .singleElement().asString().contains("retort stamp d1 --purge");
        retort.stamp(List.of("b1", "d1"), false);
        assertThat(inspect.versionRows()).containsExactlyInAnyOrder("b1", "d1");

        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOf(dev.retort.graph.InvalidTargetException.class)
                .hasMessageContaining("retort stamp --purge");
        retort.stamp(List.of("d1"), true);
        assertThat(inspect.versionRows()).containsExactly("d1");
        assertThat(retort.status().current()).containsExactly("d1");
    }

    @Test
    void aNonEmptySchemaWithoutVersionTableIsRefusedUnlessABaselineIsConfigured() throws Exception {
        inspect.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))");

        assertThatThrownBy(() -> engine().build().upgrade("head"))
                .isInstanceOfSatisfying(NonEmptySchemaException.class,
                        e -> assertThat(e.tables()).extracting(String::toLowerCase).containsExactly("customers"))
                .hasMessageContaining("retort.baseline-revision")
                .hasMessageContaining("retort stamp");
        assertThat(inspect.userTables()).containsExactly("customers");
        assertThat(inspect.tables()).doesNotContain("retort_version");

        MigrationResult result = engine().baselineRevision("a1").build().upgrade("head");
        assertThat(result.applied()).extracting(AppliedRevision::revision).doesNotContain("a1").hasSize(4);
        assertThat(inspect.versionRows()).containsExactly("d1");
        assertThat(engine().build().history()).extracting(HistoryEntry::revision, HistoryEntry::operation)
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("a1", "stamp"));
    }

    @Test
    void anEmptyMigrationFolderIsUpToDateAndUpgradingItChangesNothing() throws Exception {
        Path empty = Files.createDirectory(folder.resolve("empty"));
        Retort retort = Retort.builder().dataSource(db.dataSource()).locations("filesystem:" + empty).build();
        assertThat(retort.upgrade("head").applied()).isEmpty();
        Status status = retort.status();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.revisionCount()).isZero();
        assertThat(inspect.versionRows()).isEmpty();
    }

    @Test
    void aBaselineRevisionThatDoesNotExistIsABuildError() {
        assertThatThrownBy(() -> engine().baselineRevision("nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retort.baseline-revision")
                .hasMessageContaining("nope");
    }

    @Test
    void statusListsPendingRevisionsAndADryRunChangesNothing() throws Exception {
        Retort retort = engine().build();
        retort.upgrade("b1");

        Status status = retort.status();
        assertThat(status.database()).startsWith("H2 2.");
        assertThat(status.schema()).isEqualTo("PUBLIC");
        assertThat(status.versionTable()).isEqualTo("retort_version");
        assertThat(status.upToDate()).isFalse();
        assertThat(status.current()).containsExactly("b1");
        assertThat(status.heads()).containsExactly("d1");
        assertThat(status.pending()).extracting(PendingRevision::revision).containsExactlyInAnyOrder("c1", "m1", "d1");
        assertThat(status.pending()).filteredOn(p -> p.revision().equals("m1")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("merge orders and email");
                    assertThat(p.revises()).containsExactly("b1", "c1");
                });

        Plan plan = retort.plan(Operation.UPGRADE, List.of("head"), false);
        assertThat(plan.steps()).extracting(Step::revision).containsExactly("c1", "m1", "d1");
        assertThat(plan.resultingHeads()).containsExactly("d1");
        assertThat(inspect.versionRows()).containsExactly("b1");
        assertThat(inspect.userTables()).containsExactly("customers", "orders");
    }

    @Test
    void listenersHearEachRevisionAndTheEndOfTheRun() {
        List<String> heard = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void runStarting(Plan plan) {
                heard.add("start " + plan.steps().size());
            }

            @Override
            public void revisionApplied(AppliedRevision revision) {
                heard.add(revision.revision());
            }

            @Override
            public void runFinished(MigrationResult result) {
                heard.add("done " + result.resultingHeads());
            }
        };
        MigrationListener broken = new MigrationListener() {
            @Override
            public void revisionApplied(AppliedRevision revision) {
                throw new IllegalStateException("listener bug");
            }
        };
        engine().listener(broken).listener(listener).build().upgrade("b1");
        assertThat(heard).containsExactly("start 2", "a1", "b1", "done [b1]");
    }

    @Test
    void aFailingRevisionIsRecordedInHistoryAndRepairRemovesTheFailedEntry() throws Exception {
        files.add("e1", "d1", "broken", """
                -- +upgrade
                CREATE TABLE e1_table (id INT);
                INSERT INTO missing_table VALUES (1);
                -- +downgrade
                DROP TABLE e1_table;
                """);
        List<String> failures = new ArrayList<>();
        Retort retort = engine().listener(new MigrationListener() {
            @Override
            public void revisionFailed(String revision, Direction direction, Duration took, RuntimeException error) {
                failures.add(revision);
            }

            @Override
            public void runFailed(RuntimeException error) {
                failures.add("run: " + error.getClass().getSimpleName());
            }
        }).build();

        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo("e1");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.location()).endsWith("e1_e1.sql");
                })
                .hasMessageContaining("e1_e1.sql line 7");
        assertThat(failures).containsExactly("e1", "run: MigrationException");
        assertThat(inspect.versionRows()).containsExactly("d1");
        assertThat(retort.history().get(0)).satisfies(h -> {
            assertThat(h.revision()).isEqualTo("e1");
            assertThat(h.success()).isFalse();
        });

        assertThat(retort.repair().failedEntriesRemoved()).isEqualTo(1);
        assertThat(retort.history()).allMatch(HistoryEntry::success);
    }

    @Test
    void aRunWaitsForAnotherMigratorsLockAndTimesOutNamingTheSetting() throws Exception {
        Retort retort = engine().lockTimeout(Duration.ofMillis(300)).build();
        retort.upgrade("a1");
        try (var connection = db.connect()) {
            var lock = dev.retort.dialect.Dialects.detect(connection)
                    .lock(connection, "PUBLIC", "retort_version", Duration.ofSeconds(1));
            assertThatThrownBy(() -> retort.upgrade("head"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("retort.lock-timeout");
            lock.close();
        }
        retort.upgrade("head");
        assertThat(inspect.versionRows()).containsExactly("d1");
    }

    @Test
    void onlineOperationsWithoutADataSourceSaySo() {
        Retort retort = Retort.builder().locations(files.location()).build();
        assertThatThrownBy(retort::status).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no DataSource configured");
        assertThat(retort.offlineSql(Operation.UPGRADE, "head", false, "h2")).contains("CREATE TABLE customers");
    }

    @Test
    void logsOneLinePerRevisionInAlembicsWordsAndOneSummaryLine() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.retort");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            engine().build().upgrade("b1");
        } finally {
            logger.detachAppender(appender);
        }
        List<String> lines = appender.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("Running upgrade  -> a1, create customers \\(\\d+ ms\\)");
        assertThat(lines.get(1)).matches("Running upgrade a1 -> b1, create orders \\(\\d+ ms\\)");
        assertThat(lines.get(2)).matches("Upgraded schema PUBLIC from base to b1: 2 revisions in \\d+ ms");
    }

    @Test
    void aConnectionFailureNeverShowsThePassword() {
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/test?user=deploy&password=s3cret-pw");
        Retort retort = Retort.builder().dataSource(dataSource).locations(files.location()).build();
        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOf(RetortException.class)
                .hasMessageContaining("Could not connect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
    }

    @Test
    void badSettingsAreBuildErrorsNamingTheProperty() {
        assertThatThrownBy(() -> engine().versionTable("").build()).hasMessageContaining("retort.version-table");
        assertThatThrownBy(() -> engine().lockTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("retort.lock-timeout");
        assertThatThrownBy(() -> engine().dialect("oracle").build()).hasMessageContaining("retort.dialect");
        assertThat(TransactionMode.fromValue("per-migration")).isEqualTo(TransactionMode.PER_MIGRATION);
        assertThat(TransactionMode.fromValue("ALL")).isEqualTo(TransactionMode.ALL);
        assertThatThrownBy(() -> TransactionMode.fromValue("some"))
                .hasMessageContaining("per-migration, all, none");
    }
}
