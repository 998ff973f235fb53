package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.ResolutionException;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code upgrade} on a schema without Retort's tables creates the version and history tables
 * only once the run is planned and checked: a refused upgrade leaves no version or history
 * table behind (H2's lock table aside, see docs/engine.md#locking).
 */
class UpgradeOnANewSchemaTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRefusedUpgradeLeavesNoVersionOrHistoryTable(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            assertThatThrownBy(() -> retort.upgrade("f00d"))
                    .isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("f00d");
            assertThat(retortTables(inspect)).isEmpty();

            // A run that is not refused creates both (as Alembic's upgrade does), and finds them again next time.
            assertThat(retort.upgrade("base").applied()).isEmpty();
            assertThat(retortTables(inspect)).containsExactly("retort_history", "retort_version");
            assertThat(retort.upgrade("b1").applied()).extracting(AppliedRevision::revision).containsExactly("a1", "b1");
            assertThat(retort.upgrade("head").applied()).extracting(AppliedRevision::revision).contains("d1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aBaselineIsStampedWhenTheRunStartsAndNotWhenItIsRefused(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            inspect.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location())
                    .baselineRevision("a1").build();

            assertThatThrownBy(() -> retort.upgrade("f00d")).isInstanceOf(ResolutionException.class);
            assertThat(retortTables(inspect)).isEmpty();

            assertThat(retort.upgrade("b1").applied()).extracting(AppliedRevision::revision).containsExactly("b1");
            assertThat(inspect.versionRows()).containsExactly("b1");
            assertThat(inspect.query("SELECT revision FROM retort_history WHERE operation = 'stamp'"))
                    .containsExactly("a1");
        }
    }

    /**
     * A baseline stamp whose history row fails (here a CHECK constraint on a history table kept
     * from an earlier install) leaves no version table behind: with an empty one, the next run
     * would start from base against tables that exist, instead of stamping the baseline again.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aBaselineStampThatFailsLeavesTheSchemaAsItWasSoTheNextRunStampsItAgain(TestDatabase.Kind kind)
            throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort plain = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
            plain.upgrade("base"); // both tables, empty
            inspect.execute("DROP TABLE retort_version");
            inspect.execute("ALTER TABLE retort_history ADD CONSTRAINT no_stamps CHECK (operation <> 'stamp')");
            inspect.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location())
                    .baselineRevision("a1").build();

            assertThatThrownBy(() -> retort.upgrade("b1")).isInstanceOf(RetortException.class);
            assertThat(retortTables(inspect)).containsExactly("retort_history");
            assertThat(inspect.query("SELECT revision FROM retort_history")).isEmpty();
            assertThat(inspect.tables()).doesNotContain("orders"); // b1's table: nothing ran

            inspect.execute("ALTER TABLE retort_history DROP CONSTRAINT no_stamps");
            assertThat(retort.upgrade("b1").applied()).extracting(AppliedRevision::revision).containsExactly("b1");
            assertThat(inspect.versionRows()).containsExactly("b1");
            assertThat(inspect.query("SELECT revision FROM retort_history WHERE operation = 'stamp'"))
                    .containsExactly("a1");
        }
    }

    private static List<String> retortTables(SchemaInspector inspect) throws SQLException {
        List<String> tables = inspect.tables();
        tables.removeIf(table -> !table.startsWith("retort_") || table.endsWith("_lock"));
        return tables;
    }
}
