package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * pgjdbc's {@code autosave} connection property wraps statements in savepoints. With
 * {@code always} the driver sets one before every statement (and before each batch) inside a
 * transaction and rolls back to it on an error, so the transaction stays usable instead of
 * aborted: a COMMIT after a failure would then keep the failed revision's earlier statements.
 * With {@code conservative} it sets them (pgjdbc 42.7, by the server log) only before queries
 * whose result columns it already knows, and rolls back only for errors a re-run heals (a
 * changed cached plan). A migration connection with either must behave as without: a failed
 * revision is rolled back whole, recorded as failed, and a run after the fix continues. The
 * runs go through a pool of one connection, so the session that failed stays open and a lock
 * or temporary procedure left in it would show.
 */
class PostgresAutosaveTest {

    @TempDir
    Path folder;

    private TestDatabase db;
    private SchemaInspector inspect;
    private MigrationFiles files;
    private HikariDataSource pool;
    private HikariDataSource nextPool;
    /** The {@code autosave} value of the current case. */
    private String autosave;

    @BeforeEach
    void setUp() {
        db = TestDatabase.postgres();
        inspect = new SchemaInspector(db);
        files = new MigrationFiles(folder)
                .add("a1", "base", "create customers", """
                        -- +upgrade
                        CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50));
                        INSERT INTO customers VALUES (1, 'Ada');
                        -- +downgrade
                        DROP TABLE customers;
                        """)
                .add("b1", "a1", "create orders", """
                        -- +upgrade
                        CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT);
                        -- +downgrade
                        DROP TABLE orders;
                        """);
    }

    @AfterEach
    void tearDown() {
        for (HikariDataSource open : new HikariDataSource[] {pool, nextPool}) {
            if (open != null) {
                open.close();
            }
        }
        if (db != null) { // null when the test was skipped for want of a PostgreSQL server
            db.close();
        }
    }

    @ParameterizedTest(name = "autosave={0}")
    @ValueSource(strings = {"always", "conservative"})
    void aFailingStatementRollsItsRevisionBackWholeAndARunAfterTheFixContinues(String autosave) throws Exception {
        files.add("c1", "b1", "invoices", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                INSERT INTO customers VALUES (2, 'Grace');
                INSERT INTO invoices VALUES ('not a number');
                -- +downgrade
                DROP TABLE invoices;
                """).add("d1", "c1", "create products", """
                -- +upgrade
                CREATE TABLE products (id INT PRIMARY KEY);
                -- +downgrade
                DROP TABLE products;
                """);
        Retort retort = engine(autosave);

        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo("c1");
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.appliedStatements()).isEmpty();
                })
                .hasMessageContaining("c1_c1.sql line 8")
                .hasMessageContaining("The revision was rolled back: nothing of it is applied")
                .hasMessageContaining("The version table retort_version says b1");
        assertThat(inspect.userTables()).containsExactly("customers", "orders");
        assertThat(inspect.query("SELECT name FROM customers ORDER BY id")).containsExactly("Ada");
        assertThat(inspect.versionRows()).containsExactly("b1");
        assertThat(history()).containsExactly("a1 upgrade true", "b1 upgrade true", "c1 upgrade false");
        assertNothingLeftInTheSession();

        files.add("c1", "b1", "invoices", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                INSERT INTO customers VALUES (2, 'Grace');
                INSERT INTO invoices VALUES (1);
                -- +downgrade
                DROP TABLE invoices;
                """);
        MigrationResult fixed = afterTheFix().upgrade("head");
        assertThat(fixed.applied()).extracting(AppliedRevision::revision).containsExactly("c1", "d1");
        assertThat(inspect.userTables()).containsExactly("customers", "invoices", "orders", "products");
        assertThat(inspect.query("SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
        assertThat(inspect.versionRows()).containsExactly("d1");
        assertThat(history()).containsExactly("a1 upgrade true", "b1 upgrade true", "c1 upgrade false",
                "c1 upgrade true", "d1 upgrade true");
    }

    /**
     * The failure comes from the bookkeeping instead: the revision empties the version table, so
     * the step's version change (the {@code CALL} of the run's procedure, sent in one batch with
     * the {@code COMMIT}) finds no row to move and fails on the server.
     */
    @ParameterizedTest(name = "autosave={0}")
    @ValueSource(strings = {"always", "conservative"})
    void aVersionTableChangedUnderTheRunRollsTheRevisionBackWhole(String autosave) throws Exception {
        files.add("c1", "b1", "invoices", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                CREATE TABLE step_procedures AS SELECT count(*) AS n FROM pg_proc
                    WHERE proname = 'retort_step' AND pronamespace = pg_my_temp_schema();
                DELETE FROM retort_version;
                -- +downgrade
                DROP TABLE invoices;
                """);
        Retort retort = engine(autosave);
        retort.upgrade("b1");

        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo("c1");
                    assertThat(e.sqlState()).isEqualTo("RT001");
                    assertThat(e.databaseMessage()).startsWith("The version table did not hold what the plan "
                            + "expected: 'change row b1 to c1' touched 0 rows instead of 1");
                })
                .hasMessageContaining("updating retort_version after")
                .hasMessageContaining("The revision was rolled back: nothing of it is applied")
                .hasMessageContaining("The version table retort_version says b1");
        assertThat(inspect.userTables()).containsExactly("customers", "orders");
        assertThat(inspect.versionRows()).containsExactly("b1");
        assertThat(history()).containsExactly("a1 upgrade true", "b1 upgrade true", "c1 upgrade false");
        assertNothingLeftInTheSession();

        files.add("c1", "b1", "invoices", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                CREATE TABLE step_procedures AS SELECT count(*) AS n FROM pg_proc
                    WHERE proname = 'retort_step' AND pronamespace = pg_my_temp_schema();
                -- +downgrade
                DROP TABLE invoices;
                """);
        afterTheFix().upgrade("head");
        assertThat(inspect.versionRows()).containsExactly("c1");
        assertThat(history()).containsExactly("a1 upgrade true", "b1 upgrade true", "c1 upgrade false",
                "c1 upgrade true");
        // The version change went through the run's procedure, as it does without autosave.
        assertThat(inspect.query("SELECT n FROM step_procedures")).containsExactly("1");
    }

    /**
     * With {@code autosave=always} the failed statement leaves the run's one transaction usable
     * rather than aborted; transaction mode {@code all} must still take the whole run back.
     */
    @ParameterizedTest(name = "autosave={0}")
    @ValueSource(strings = {"always", "conservative"})
    void transactionModeAllStillRollsBackTheWholeRun(String autosave) throws Exception {
        files.add("c1", "b1", "invoices", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                INSERT INTO invoices VALUES ('not a number');
                -- +downgrade
                DROP TABLE invoices;
                """);
        engine(autosave);
        Retort retort = Retort.builder().dataSource(pool).locations(files.location())
                .transactionMode(TransactionMode.ALL).build();

        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo("c1");
                    assertThat(e.sqlState()).isEqualTo("22P02");
                })
                .hasMessageContaining("The whole run was rolled back (transaction mode all)");
        assertThat(inspect.userTables()).isEmpty();
        assertThat(inspect.versionRows()).isEmpty();
        assertThat(history()).containsExactly("c1 upgrade false");
        assertNothingLeftInTheSession();
    }

    /**
     * The engine on a pool of one connection with {@code autosave} set, so that the session a run
     * failed in stays open for {@link #assertNothingLeftInTheSession}.
     */
    private Retort engine(String autosave) throws Exception {
        this.autosave = autosave;
        pool = autosavePool(autosave, "failing");
        return Retort.builder().dataSource(pool).locations(files.location()).build();
    }

    /**
     * Another migrator (the next deploy, say), in a session of its own with the same setting,
     * reading the files again while the failed run's session is still open: a lock left behind
     * there would make it time out after a second.
     */
    private Retort afterTheFix() throws Exception {
        nextPool = autosavePool(autosave, "next");
        return Retort.builder().dataSource(nextPool).locations(files.location()).lockTimeout(Duration.ofSeconds(1)).build();
    }

    private HikariDataSource autosavePool(String autosave, String name) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url() + "&autosave=" + autosave);
        config.setMaximumPoolSize(1);
        config.setPoolName(name + "-autosave-" + autosave);
        HikariDataSource created = new HikariDataSource(config);
        try (Connection connection = created.getConnection()) {
            // The premise: the driver really runs with the setting.
            assertThat(connection.unwrap(PGConnection.class).getAutosave().value()).isEqualTo(autosave);
        }
        return created;
    }

    /**
     * The failed run's session, still open in the pool, holds no advisory lock (another migrator
     * would wait for it until the session ends), no open transaction and no step procedure.
     */
    private void assertNothingLeftInTheSession() throws Exception {
        int pid;
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            pid = single(connection, "SELECT pg_backend_pid()");
            assertThat(single(connection, "SELECT count(*) FROM pg_proc WHERE proname = 'retort_step' "
                    + "AND pronamespace = pg_my_temp_schema()")).isZero();
        }
        assertThat(inspect.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = " + pid))
                .containsExactly("0");
        assertThat(inspect.query("SELECT state FROM pg_stat_activity WHERE pid = " + pid)).containsExactly("idle");
    }

    private List<String> history() throws Exception {
        return inspect.query("SELECT revision || ' ' || operation || ' ' || success FROM retort_history ORDER BY id");
    }

    private static int single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
