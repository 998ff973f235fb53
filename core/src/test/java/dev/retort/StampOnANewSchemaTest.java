package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.MultipleHeadsException;
import dev.retort.graph.ResolutionException;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stamp} on a schema without Retort's tables creates the version and history tables
 * only when it writes: a refused stamp leaves the schema exactly as it was.
 */
class StampOnANewSchemaTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRefusedStampLeavesTheSchemaWithoutAnyTable(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            assertThatThrownBy(() -> retort.stamp(List.of("f00d"), false))
                    .isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("f00d");
            assertThat(inspect.tables()).isEmpty();

            assertThatThrownBy(() -> retort.stamp(List.of("f00d"), true)).isInstanceOf(ResolutionException.class);
            assertThat(inspect.tables()).isEmpty();

            // A second head makes 'head' ambiguous.
            files.add("e1", "a1", "side branch", "-- +upgrade\n-- +downgrade\n");
            Retort twoHeads = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
            assertThatThrownBy(() -> twoHeads.stamp(List.of("head"), false))
                    .isInstanceOf(MultipleHeadsException.class);
            assertThat(inspect.tables()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStampOnANewSchemaCreatesTheVersionAndHistoryTables(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            MigrationResult result = retort.stamp(List.of("head"), false);

            assertThat(result.resultingHeads()).containsExactly("d1");
            assertThat(retortTables(inspect)).containsExactly("retort_history", "retort_version");
            assertThat(inspect.userTables()).isEmpty();
            assertThat(inspect.versionRows()).containsExactly("d1");
            assertThat(inspect.query("SELECT revision FROM retort_history WHERE operation = 'stamp'"))
                    .containsExactly("d1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStampWithPurgeOnANewSchemaCreatesTheTablesToo(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            retort.stamp(List.of("b1"), true);

            assertThat(retortTables(inspect)).containsExactly("retort_history", "retort_version");
            assertThat(inspect.versionRows()).containsExactly("b1");
            assertThat(retort.status().current()).containsExactly("b1");
            assertThat(retort.status().pending()).extracting(PendingRevision::revision)
                    .containsExactlyInAnyOrder("c1", "m1", "d1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStampThatChangesNothingCreatesNoVersionOrHistoryTable(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            MigrationResult result = retort.stamp(List.of("base"), false);

            assertThat(result.from()).isEmpty();
            assertThat(result.resultingHeads()).isEmpty();
            assertThat(retortTables(inspect)).isEmpty();
            assertThat(retort.status().current()).isEmpty();
        }
    }

    /**
     * Retort's version and history tables in the test schema. H2's lock table
     * ({@code retort_version_lock}) is left out: the lock of a run that gets as far as
     * writing creates it there, see docs/engine.md#locking.
     */
    private static List<String> retortTables(SchemaInspector inspect) throws SQLException {
        List<String> tables = inspect.tables();
        tables.removeIf(table -> table.endsWith("_lock"));
        return tables;
    }
}
