package dev.retort.runtime;

import static dev.retort.runtime.ExecutorTest.step;
import static dev.retort.runtime.ExecutorTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.HistoryEntry;
import dev.retort.MigrationException;
import dev.retort.TransactionMode;
import dev.retort.graph.Direction;
import dev.retort.runtime.ExecutorTest.Fixture;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL writes each revision's bookkeeping through a procedure in {@code pg_temp} that
 * lives as long as the run ({@link dev.retort.dialect.PostgreSqlDialect#stepProcedure}). These
 * tests pin that it is used, that it leaves nothing behind in the (pooled) session, and that a
 * user who may not create temporary objects still migrates, through the DO-block fallback.
 */
class PostgresStepProcedureTest {

    /** Counts the step procedures in the session's temporary schema, from inside a revision. */
    private static final String RECORD_PROCEDURES = "CREATE TABLE seen AS SELECT count(*) AS procedures FROM pg_proc "
            + "WHERE proname = 'retort_step' AND pronamespace = pg_my_temp_schema()";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionMode.class)
    void theProcedureServesTheRunAndIsGoneAfterIt(TransactionMode mode) throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), mode, null);
            // a1 -> (b2, c3) -> m4: an insert, an update, an insert next to a row, a merge (delete + update).
            f.executor.execute(connection, upgrade(List.of(),
                            step("a1", List.of(), List.of("a1")),
                            step("b2", List.of("a1"), List.of("b2")),
                            step("c3", List.of("b2"), List.of("b2", "c3")),
                            step("m4", List.of("b2", "c3"), List.of("m4"))),
                    List.of(work("a1", "it's a1", new ExecutableStatement(RECORD_PROCEDURES, 5)), work("b2", "b2"),
                            work("c3", "c3"), work("m4", "merge")));

            assertThat(single(connection, "SELECT procedures FROM seen")).isEqualTo(1);
            assertThat(procedures(connection)).isZero();
            assertThat(f.versions.read(connection)).containsExactly("m4");
            List<HistoryEntry> history = f.history.read(connection);
            assertThat(history).extracting(HistoryEntry::revision).containsExactly("m4", "c3", "b2", "a1");
            assertThat(history).extracting(HistoryEntry::message).containsExactly("merge", "c3", "b2", "it's a1");
            assertThat(history).allSatisfy(e -> {
                assertThat(e.appliedBy()).isEqualTo("postgres"); // null appliedBy records the database user
                assertThat(e.checksum()).isEqualTo("c-" + e.revision());
                assertThat(e.success()).isTrue();
            });
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void aMismatchFoundByTheProcedureRollsTheRevisionBackAndLeavesNoProcedureBehind() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION, "deployer");
            // The plan says a1 is applied; the table is empty, so the UPDATE touches no row.
            assertThatThrownBy(() -> f.executor.execute(connection,
                    upgrade(List.of("a1"), step("b2", List.of("a1"), List.of("b2"))),
                    List.of(work("b2", "b2", new ExecutableStatement("CREATE TABLE orders (id INT)", 5)))))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("RT001");
                        assertThat(e.databaseMessage()).isEqualTo("The version table did not hold what the plan "
                                + "expected: 'change row a1 to b2' touched 0 rows instead of 1 (expected rows [a1] "
                                + "before this step). Did another tool change it during the run?");
                        assertThat(e.getMessage()).contains("rolled back: nothing of it is applied");
                    });

            assertThat(ExecutorTest.tables(connection, f.dialect, db.schema())).doesNotContain("orders");
            assertThat(f.versions.read(connection)).isEmpty();
            assertThat(f.history.read(connection)).singleElement().satisfies(h -> assertThat(h.success()).isFalse());
            assertThat(procedures(connection)).isZero();
        }
    }

    /**
     * Behind a pooler in transaction mode the run's transactions land in different sessions and
     * the procedure is not there: the revision is rolled back and the message says why. (Dropping
     * the procedure inside a revision stands in for the other session.)
     */
    @Test
    void aProcedureThatVanishesMidRunRollsTheRevisionBackAndNamesTheLikelyPooler() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect()) {
            Fixture f = new Fixture(connection, db.schema(), TransactionMode.PER_MIGRATION, null);
            RevisionWork b2 = work("b2", "b2", new ExecutableStatement("CREATE TABLE orders (id INT)", 5),
                    new ExecutableStatement("DROP PROCEDURE pg_temp.retort_step(TEXT[], TEXT[], TEXT[], TEXT, TEXT, TEXT, "
                            + "TEXT, TEXT, BIGINT)", 6));
            assertThatThrownBy(() -> f.executor.execute(connection, upgrade(List.of(),
                    step("a1", List.of(), List.of("a1")), step("b2", List.of("a1"), List.of("b2"))),
                    List.of(work("a1", "a1"), b2)))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.revision()).isEqualTo("b2");
                        assertThat(e.sqlState()).isEqualTo("42883");
                        assertThat(e.getMessage()).doesNotContain("Hint:");
                        assertThat(e.getMessage()).contains("retort_step", "pool_mode = transaction",
                                "direct connection", "rolled back: nothing of it is applied");
                    });
            assertThat(f.versions.read(connection)).containsExactly("a1");
            assertThat(ExecutorTest.tables(connection, f.dialect, db.schema())).doesNotContain("orders");
        }
    }

    /**
     * A role without the TEMPORARY privilege on its database cannot create the procedure: the
     * run uses a DO block per revision instead, with the same checks and messages. (Superusers
     * pass every privilege check, so this needs a database and a role of its own.)
     */
    @Test
    void aUserWhoMayNotCreateTemporaryObjectsStillMigratesWithTheSameChecks() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection admin = db.connect();
             Statement statement = admin.createStatement()) {
            String name = "retort_no_temp_" + db.schema().substring(db.schema().length() - 8);
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            try {
                statement.execute("CREATE DATABASE " + name + " OWNER postgres");
                try {
                    statement.execute("REVOKE TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
                    String url = TestDatabase.withDatabase(db.url(), name);
                    try (Connection owner = DriverManager.getConnection(url); Statement s = owner.createStatement()) {
                        s.execute("CREATE SCHEMA app AUTHORIZATION " + name);
                    }
                    String limitedUrl = url.substring(0, url.indexOf('?')) + "?user=" + name + "&password=" + name
                            + "&currentSchema=app";
                    try (Connection limited = DriverManager.getConnection(limitedUrl)) {
                        migrateWithoutTemporaryObjects(limited, name);
                    }
                } finally {
                    statement.execute("DROP DATABASE " + name);
                }
            } finally {
                statement.execute("DROP ROLE " + name);
            }
        }
    }

    private static void migrateWithoutTemporaryObjects(Connection limited, String role) throws SQLException {
        Fixture f = new Fixture(limited, "app", TransactionMode.PER_MIGRATION, null);
        f.executor.execute(limited, upgrade(List.of(), step("a1", List.of(), List.of("a1")),
                        step("b2", List.of("a1"), List.of("b2"))),
                List.of(work("a1", "a1"), work("b2", "b2", new ExecutableStatement("CREATE TABLE orders (id INT)", 5))));
        assertThat(f.versions.read(limited)).containsExactly("b2");
        assertThat(f.history.read(limited)).extracting(HistoryEntry::appliedBy).containsOnly(role);

        assertThatThrownBy(() -> f.executor.execute(limited,
                upgrade(List.of("a1"), step("c3", List.of("a1"), List.of("c3"))), List.of(work("c3", "c3"))))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("RT001");
                    assertThat(e.databaseMessage()).startsWith("The version table did not hold what the plan "
                            + "expected: 'change row a1 to c3' touched 0 rows instead of 1");
                });
        assertThat(f.versions.read(limited)).containsExactly("b2");
        try (Statement s = limited.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TEMPORARY TABLE probe (id INT)"))
                    .hasMessageContaining("permission denied"); // the premise of this test
        }
    }

    private static RevisionWork work(String id, String message, ExecutableStatement... statements) {
        return new RevisionWork(id, Direction.UPGRADE, message, List.of(), "db/" + id + "_x.sql", "c-" + id, true,
                List.of(statements));
    }

    private static int procedures(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM pg_proc WHERE proname = 'retort_step' "
                + "AND pronamespace = pg_my_temp_schema()");
    }

    private static int single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
