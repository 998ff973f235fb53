package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Direction;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrade, downgrade and stamp over a branched and merged history, on each database, checked
 * through JDBC metadata and the version table rather than by trusting the engine.
 */
class RoundTripTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void upgradeDowngradeAndStampAcrossBranchesAndAMergeLeaveTheExpectedSchema(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();

            MigrationResult up = retort.upgrade("head");
            assertThat(up.from()).isEmpty();
            // The order of the two branches is the planner's (Alembic's); the merge comes after both.
            assertThat(up.applied()).extracting(AppliedRevision::revision)
                    .containsExactlyInAnyOrder("a1", "b1", "c1", "m1", "d1").startsWith("a1").endsWith("m1", "d1");
            assertThat(up.resultingHeads()).containsExactly("d1");
            assertThat(inspect.userTables()).containsExactly("audit", "customers", "orders", "products");
            assertThat(inspect.columns("customers")).containsExactly("id", "name", "email");
            assertThat(inspect.versionRows()).containsExactly("d1");
            assertThat(inspect.query("SELECT note FROM audit")).containsExactly("merged; both branches");

            // Down to one side of the branch: as in Alembic, only descendants of c1 go; b1 stays.
            MigrationResult down = retort.downgrade("c1");
            assertThat(down.applied()).extracting(AppliedRevision::revision).containsExactly("d1", "m1");
            assertThat(down.applied()).allMatch(a -> a.direction() == Direction.DOWNGRADE);
            assertThat(down.resultingHeads()).containsExactly("b1", "c1");
            assertThat(inspect.versionRows()).containsExactly("b1", "c1");
            assertThat(inspect.userTables()).containsExactly("customers", "orders");
            assertThat(inspect.columns("customers")).containsExactly("id", "name", "email");

            retort.downgrade("a1");
            assertThat(inspect.versionRows()).containsExactly("a1");
            assertThat(inspect.userTables()).containsExactly("customers");
            assertThat(inspect.columns("customers")).containsExactly("id", "name");

            // Up one side, then the other: two heads in the version table, as in Alembic.
            retort.upgrade("b1");
            assertThat(inspect.versionRows()).containsExactly("b1");
            retort.upgrade("c1");
            assertThat(inspect.versionRows()).containsExactly("b1", "c1");
            assertThat(inspect.userTables()).containsExactly("customers", "orders");

            retort.upgrade("head");
            assertThat(inspect.versionRows()).containsExactly("d1");

            MigrationResult toBase = retort.downgrade("base");
            assertThat(toBase.applied()).hasSize(5);
            assertThat(inspect.userTables()).isEmpty();
            assertThat(inspect.versionRows()).isEmpty();

            MigrationResult stamped = retort.stamp(List.of("head"), false);
            assertThat(stamped.applied()).isEmpty();
            assertThat(inspect.versionRows()).containsExactly("d1");
            assertThat(inspect.userTables()).isEmpty();

            assertThat(retort.history()).extracting(HistoryEntry::operation).first().isEqualTo("stamp");
            assertThat(retort.history()).hasSize(5 + 2 + 2 + 1 + 1 + 2 + 5 + 1);
            assertThat(retort.history()).allMatch(HistoryEntry::success);
            Status status = retort.status();
            assertThat(status.upToDate()).isTrue();
            assertThat(status.current()).containsExactly("d1");
            assertThat(status.heads()).containsExactly("d1");
            assertThat(status.revisionCount()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aFailureInTheMiddleOfARevisionLeavesTheVersionTableAtTheLastGoodRevision(TestDatabase.Kind kind)
            throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder).add("e1", "d1", "half done", """
                -- +upgrade
                CREATE TABLE shipments (id INT PRIMARY KEY);
                INSERT INTO shipments (id) VALUES (1);
                INSERT INTO shipments (id) VALUES (1);
                -- +downgrade
                DROP TABLE shipments;
                """);
        try (TestDatabase db = TestDatabase.of(kind)) {
            SchemaInspector inspect = new SchemaInspector(db);
            Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
            boolean transactionalDdl = kind == TestDatabase.Kind.POSTGRESQL;

            assertThatThrownBy(() -> retort.upgrade("head"))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.revision()).isEqualTo("e1");
                        assertThat(e.location()).endsWith("e1_e1.sql");
                        assertThat(e.line()).isEqualTo(8);
                        assertThat(e.sqlState()).startsWith("23");
                        assertThat(e.databaseMessage()).isNotBlank();
                        assertThat(e.appliedStatements()).hasSize(transactionalDdl ? 0 : 2);
                    })
                    .hasMessageContaining("e1_e1.sql line 8")
                    .hasMessageContaining("The version table retort_version says d1");

            assertThat(inspect.versionRows()).containsExactly("d1");
            assertThat(inspect.userTables().contains("shipments")).isEqualTo(!transactionalDdl);
            assertThat(retort.history().get(0)).satisfies(h -> {
                assertThat(h.revision()).isEqualTo("e1");
                assertThat(h.success()).isFalse();
            });
            assertThat(retort.status().pending()).extracting(PendingRevision::revision).containsExactly("e1");
        }
    }
}
