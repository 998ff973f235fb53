package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.HistoryEntry;
import dev.retort.MigrationException;
import dev.retort.RetortException;
import dev.retort.TransactionMode;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.graph.Direction;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The executor on real databases, with plans written by hand (the planner has its own tests). */
class ExecutorTest {

    private static final RevisionWork CREATE_A = work("a1", List.of(), true,
            new ExecutableStatement("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))", 7),
            new ExecutableStatement("INSERT INTO customers (id, name) VALUES (1, 'Ada')", 8));
    private static final RevisionWork FAILING_B = work("b2", List.of("a1"), true,
            new ExecutableStatement("CREATE TABLE orders (id INT PRIMARY KEY)", 6),
            new ExecutableStatement("INSERT INTO customers (id, name) VALUES (2, 'Bob')", 7),
            new ExecutableStatement("INSERT INTO no_such_table (id) VALUES (1)", 9));

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void appliesEachRevisionWithItsVersionRowAndHistoryRow(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.of(kind); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            RevisionWork b = work("b2", List.of("a1"), true, new ExecutableStatement("CREATE TABLE orders (id INT)", 6));
            f.executor.execute(connection, upgrade(List.of(), step("a1", List.of(), List.of("a1")),
                    step("b2", List.of("a1"), List.of("b2"))), List.of(CREATE_A, b));

            assertThat(tables(connection, f.dialect, db.schema())).contains("customers", "orders");
            assertThat(f.versions.read(connection)).containsExactly("b2");
            List<HistoryEntry> history = f.history.read(connection);
            assertThat(history).extracting(HistoryEntry::revision).containsExactly("b2", "a1");
            assertThat(history).allSatisfy(e -> {
                assertThat(e.success()).isTrue();
                assertThat(e.operation()).isEqualTo("upgrade");
                assertThat(e.checksum()).isEqualTo("c-" + e.revision());
                // No applied-by configured: the database's name for the connection's user.
                assertThat(e.appliedBy()).isEqualToIgnoringCase(userName(connection));
            });
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    /** H2 writes history with prepared statements: the user is asked once per run and recorded in every row. */
    @Test
    void withoutAConfiguredAppliedByH2RecordsTheDatabaseUserInEveryRow() throws SQLException {
        String url = "jdbc:h2:mem:executor_user_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = java.sql.DriverManager.getConnection(url, "migrator", "")) {
            Fixture f = new Fixture(connection, "PUBLIC", TransactionMode.PER_MIGRATION);
            f.executor.execute(connection, upgrade(List.of(), step("a1", List.of(), List.of("a1")),
                    step("b2", List.of("a1"), List.of("b2"))), List.of(work("a1", List.of(), true), work("b2", List.of("a1"), true)));

            assertThat(f.history.read(connection)).extracting(HistoryEntry::appliedBy).containsExactly("MIGRATOR", "MIGRATOR");
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    private static String userName(Connection connection) throws SQLException {
        return connection.getMetaData().getUserName().split("@")[0]; // MariaDB says user@host
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aFailureInTheMiddleOfARevisionNamesItAndKeepsTheVersionTableAtTheLastGoodRevision(TestDatabase.Kind kind)
            throws SQLException {
        try (TestDatabase db = TestDatabase.of(kind); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            Plan plan = upgrade(List.of(), step("a1", List.of(), List.of("a1")), step("b2", List.of("a1"), List.of("b2")));

            assertThatThrownBy(() -> f.executor.execute(connection, plan, List.of(CREATE_A, FAILING_B)))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.revision()).isEqualTo("b2");
                        assertThat(e.location()).isEqualTo("db/b2_x.sql");
                        assertThat(e.line()).isEqualTo(9);
                        assertThat(e.sqlState()).isNotBlank();
                        assertThat(e.getMessage()).contains("b2", "db/b2_x.sql line 9", "SQL state " + e.sqlState(),
                                "no_such_table",
                                "version table retort_version says a1");
                        if (f.dialect.transactionalDdl()) {
                            assertThat(e.appliedStatements()).isEmpty();
                            assertThat(e.getMessage()).contains("rolled back: nothing of it is applied");
                        } else {
                            assertThat(e.appliedStatements()).containsExactly(
                                    "line 6: CREATE TABLE orders (id INT PRIMARY KEY)",
                                    "line 7: INSERT INTO customers (id, name) VALUES (2, 'Bob')");
                            assertThat(e.getMessage()).contains("commits DDL implicitly", "line 6: CREATE TABLE orders");
                        }
                    });

            assertThat(f.versions.read(connection)).containsExactly("a1");
            assertThat(tables(connection, f.dialect, db.schema()).contains("orders")).isEqualTo(!f.dialect.transactionalDdl());
            List<HistoryEntry> history = f.history.read(connection);
            assertThat(history).extracting(HistoryEntry::revision, HistoryEntry::success)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b2", false), org.assertj.core.groups.Tuple.tuple("a1", true));
        }
    }

    @Test
    void transactionModeAllRollsBackTheWholeRunOnPostgresql() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.ALL);
            Plan plan = upgrade(List.of(), step("a1", List.of(), List.of("a1")), step("b2", List.of("a1"), List.of("b2")));

            assertThatThrownBy(() -> f.executor.execute(connection, plan, List.of(CREATE_A, FAILING_B)))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("The whole run was rolled back")
                    .hasMessageContaining("says base (no rows)");

            assertThat(tables(connection, f.dialect, db.schema())).doesNotContain("customers", "orders");
            assertThat(f.versions.read(connection)).isEmpty();
            assertThat(f.history.read(connection)).extracting(HistoryEntry::revision).containsExactly("b2");
        }
    }

    @Test
    void aRevisionThatFailsOnlyAtCommitLeavesNothingBehindOnPostgresql() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            // A deferred foreign key is checked by COMMIT, which travels in the version-table batch.
            RevisionWork deferred = work("b2", List.of("a1"), true,
                    new ExecutableStatement("CREATE TABLE orders (id INT PRIMARY KEY, customer INT REFERENCES customers (id) "
                            + "DEFERRABLE INITIALLY DEFERRED)", 5),
                    new ExecutableStatement("INSERT INTO orders (id, customer) VALUES (1, 99)", 6));
            Plan plan = upgrade(List.of(), step("a1", List.of(), List.of("a1")), step("b2", List.of("a1"), List.of("b2")));

            assertThatThrownBy(() -> f.executor.execute(connection, plan, List.of(CREATE_A, deferred)))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.revision()).isEqualTo("b2");
                        assertThat(e.sqlState()).isEqualTo("23503");
                        assertThat(e.appliedStatements()).isEmpty();
                    })
                    .hasMessageContaining("updating retort_version after db/b2_x.sql")
                    .hasMessageContaining("rolled back: nothing of it is applied")
                    .hasMessageContaining("says a1");

            assertThat(tables(connection, f.dialect, db.schema())).contains("customers").doesNotContain("orders");
            assertThat(f.versions.read(connection)).containsExactly("a1");
            assertThat(f.history.read(connection)).extracting(HistoryEntry::revision, HistoryEntry::success)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b2", false), org.assertj.core.groups.Tuple.tuple("a1", true));
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void transactionModeNoneKeepsWhatRanBeforeTheFailureEvenOnPostgresql() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.NONE);
            Plan plan = upgrade(List.of(), step("a1", List.of(), List.of("a1")), step("b2", List.of("a1"), List.of("b2")));

            assertThatThrownBy(() -> f.executor.execute(connection, plan, List.of(CREATE_A, FAILING_B)))
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.appliedStatements()).hasSize(2))
                    .hasMessageContaining("Transaction mode none commits every statement")
                    .hasMessageContaining("says a1");

            assertThat(tables(connection, f.dialect, db.schema())).contains("customers", "orders");
            assertThat(f.versions.read(connection)).containsExactly("a1");
        }
    }

    @Test
    void aNonTransactionalRevisionCanCreateAnIndexConcurrentlyOnPostgresql() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            RevisionWork index = work("b2", List.of("a1"), false,
                    new ExecutableStatement("CREATE INDEX CONCURRENTLY customers_name ON customers (name)", 5));
            List<RevisionWork> works = List.of(CREATE_A, index);
            f.executor.check(works);
            f.executor.execute(connection, upgrade(List.of(), step("a1", List.of(), List.of("a1")),
                    step("b2", List.of("a1"), List.of("b2"))), works);

            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, db.schema(), "customers", false, false)) {
                List<String> indexes = new ArrayList<>();
                while (rs.next()) {
                    indexes.add(rs.getString("INDEX_NAME"));
                }
                assertThat(indexes).contains("customers_name");
            }
            assertThat(f.versions.read(connection)).containsExactly("b2");
        }
    }

    @Test
    void refusesAConcurrentIndexInATransactionalRevisionBeforeAnythingRuns() {
        Dialect postgres = Dialects.forName("postgresql");
        Executor executor = new Executor(postgres, new VersionTable(postgres, null, "retort_version"),
                new HistoryTable(postgres, null, "retort_history"), TransactionMode.PER_MIGRATION, null,
                new Listeners(List.of()));
        RevisionWork index = work("b2", List.of("a1"), true,
                new ExecutableStatement("CREATE INDEX CONCURRENTLY customers_name ON customers (name)", 5));
        assertThatThrownBy(() -> executor.check(List.of(index)))
                .isInstanceOf(RetortException.class)
                .hasMessageContaining("db/b2_x.sql line 5")
                .hasMessageContaining("transactional: false");
    }

    @Test
    void refusesANonTransactionalRevisionInTransactionModeAll() {
        Dialect h2 = Dialects.forName("h2");
        Executor executor = new Executor(h2, new VersionTable(h2, null, "retort_version"),
                new HistoryTable(h2, null, "retort_history"), TransactionMode.ALL, null, new Listeners(List.of()));
        assertThatThrownBy(() -> executor.check(List.of(work("b2", List.of(), false))))
                .hasMessageContaining("transactional: false")
                .hasMessageContaining("retort.transaction-mode");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aVersionTableThatDoesNotHoldWhatThePlanExpectsStopsTheRun(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.of(kind); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            RevisionWork b = work("b2", List.of("a1"), true);
            assertThatThrownBy(() -> f.executor.execute(connection,
                    upgrade(List.of("a1"), step("b2", List.of("a1"), List.of("b2"))), List.of(b)))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("RT001");
                        assertThat(e.line()).isZero();
                        assertThat(e.databaseMessage()).isEqualTo("The version table did not hold what the plan expected: "
                                + "'change row a1 to b2' touched 0 rows instead of 1 (expected rows [a1] before this step). "
                                + "Did another tool change it during the run?");
                    });
            assertThat(f.versions.read(connection)).isEmpty();
            // Nothing of the revision was committed: only the failure is in history.
            assertThat(f.history.read(connection)).singleElement().satisfies(h -> {
                assertThat(h.revision()).isEqualTo("b2");
                assertThat(h.success()).isFalse();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void historyRecordsTheConfiguredAppliedByAndEachStepOfABranchAndMerge(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.of(kind); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION);
            Executor executor = new Executor(f.dialect, f.versions, f.history, TransactionMode.PER_MIGRATION, "deployer",
                    new Listeners(List.of()));
            // a1 -> (b2, c3) -> m4: an insert, an update, an insert next to a row, a merge (delete + update).
            executor.execute(connection, upgrade(List.of(),
                    step("a1", List.of(), List.of("a1")),
                    step("b2", List.of("a1"), List.of("b2")),
                    step("c3", List.of("b2"), List.of("b2", "c3")),
                    step("m4", List.of("b2", "c3"), List.of("m4"))),
                    List.of(work("a1", List.of(), true), work("b2", List.of("a1"), true), work("c3", List.of("a1"), true),
                            work("m4", List.of("b2", "c3"), true)));

            assertThat(f.versions.read(connection)).containsExactly("m4");
            assertThat(f.history.read(connection)).extracting(HistoryEntry::revision).containsExactly("m4", "c3", "b2", "a1");
            assertThat(f.history.read(connection)).allSatisfy(e -> {
                assertThat(e.appliedBy()).isEqualTo("deployer");
                assertThat(e.message()).isEqualTo("make " + e.revision());
                assertThat(e.success()).isTrue();
            });
        }
    }

    /** The tables created and an executor over them; shared with {@code PostgresStepProcedureTest}. */
    static final class Fixture {
        final Dialect dialect;
        final VersionTable versions;
        final HistoryTable history;
        final Executor executor;

        Fixture(Connection connection, String schema, TransactionMode mode) throws SQLException {
            this(connection, schema, mode, null);
        }

        Fixture(Connection connection, String schema, TransactionMode mode, String appliedBy) throws SQLException {
            dialect = Dialects.detect(connection);
            versions = new VersionTable(dialect, schema, "retort_version");
            history = new HistoryTable(dialect, schema, "retort_history");
            versions.create(connection);
            history.create(connection);
            executor = new Executor(dialect, versions, history, mode, appliedBy, new Listeners(List.of()));
        }
    }

    static RevisionWork work(String id, List<String> revises, boolean transactional, ExecutableStatement... statements) {
        return new RevisionWork(id, Direction.UPGRADE, "make " + id, revises, "db/" + id + "_x.sql", "c-" + id,
                transactional, List.of(statements));
    }

    static Step step(String id, List<String> before, List<String> after) {
        return new Step(id, Direction.UPGRADE, before, after);
    }

    static Plan upgrade(List<String> current, Step... steps) {
        List<String> resulting = steps.length == 0 ? current : steps[steps.length - 1].headsAfter();
        return new Plan(Operation.UPGRADE, "head", current, List.of(steps), resulting, List.of());
    }

    static List<String> tables(Connection connection, Dialect dialect, String schema) throws SQLException {
        return dialect.tables(connection, schema).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }
}
