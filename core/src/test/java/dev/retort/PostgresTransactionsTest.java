package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transaction modes and non-transactional revisions on PostgreSQL, where DDL is transactional. */
class PostgresTransactionsTest {

    @TempDir
    Path folder;

    private TestDatabase db;
    private SchemaInspector inspect;
    private MigrationFiles files;

    @BeforeEach
    void setUp() {
        db = TestDatabase.postgres();
        inspect = new SchemaInspector(db);
        files = new MigrationFiles(folder).add("a1", "base", "create customers", """
                -- +upgrade
                CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50));
                INSERT INTO customers VALUES (1, 'Ada');
                -- +downgrade
                DROP TABLE customers;
                """);
    }

    @AfterEach
    void tearDown() {
        if (db != null) { // null when the test was skipped for want of a PostgreSQL server
            db.close();
        }
    }

    @Test
    void aRevisionDeclaredNonTransactionalCreatesAnIndexConcurrently() throws Exception {
        files.write("b1", """
                -- revision: b1
                -- revises: a1
                -- message: index names without blocking writers
                -- transactional: false

                -- +upgrade
                CREATE INDEX CONCURRENTLY customers_name ON customers (name);
                -- +downgrade
                DROP INDEX CONCURRENTLY customers_name;
                """);
        Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
        retort.upgrade("head");
        assertThat(inspect.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + db.schema() + "'"))
                .contains("customers_name");
        assertThat(inspect.versionRows()).containsExactly("b1");
        retort.downgrade("a1");
        assertThat(inspect.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + db.schema() + "'"))
                .doesNotContain("customers_name");
    }

    @Test
    void aConcurrentIndexInATransactionalRevisionIsRefusedWithAHintBeforeAnythingRuns() throws Exception {
        files.add("b1", "a1", "index", """
                -- +upgrade
                CREATE INDEX CONCURRENTLY customers_name ON customers (name);
                """);
        Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOf(RetortException.class)
                .hasMessageContaining("b1_b1.sql line 6")
                .hasMessageContaining("-- transactional: false");
        assertThat(inspect.userTables()).isEmpty();
    }

    @Test
    void transactionModeAllRollsBackEveryRevisionOfAFailedRun() throws Exception {
        files.add("b1", "a1", "orders", """
                -- +upgrade
                CREATE TABLE orders (id INT PRIMARY KEY);
                """).add("c1", "b1", "broken", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                INSERT INTO invoices VALUES ('not a number');
                """);
        Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location())
                .transactionMode(TransactionMode.ALL).build();
        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo("c1");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.appliedStatements()).isEmpty();
                })
                .hasMessageContaining("The whole run was rolled back");
        assertThat(inspect.userTables()).isEmpty();
        assertThat(inspect.versionRows()).isEmpty();
        assertThat(inspect.query("SELECT revision || ':' || success FROM retort_history")).containsExactly("c1:false");
    }

    @Test
    void perMigrationKeepsTheRevisionsBeforeTheFailedOne() throws Exception {
        files.add("b1", "a1", "broken", """
                -- +upgrade
                CREATE TABLE invoices (id INT PRIMARY KEY);
                INSERT INTO invoices VALUES ('not a number');
                """);
        Retort retort = Retort.builder().dataSource(db.dataSource()).locations(files.location()).build();
        assertThatThrownBy(() -> retort.upgrade("head"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("b1_b1.sql line 7")
                .hasMessageContaining("SQL state 22P02")
                .hasMessageContaining("The revision was rolled back")
                .hasMessageContaining("says a1");
        assertThat(inspect.userTables()).containsExactly("customers");
        assertThat(inspect.versionRows()).containsExactly("a1");
        assertThat(retort.status().pending()).extracting(PendingRevision::revision).containsExactly("b1");
    }
}
