package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Operation;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code schema(...)} / {@code retort.schema} names the schema Retort migrates, as Flyway's
 * default schema does: the migrations' unqualified tables and Retort's own tables land there,
 * whatever the connection's current schema is, and the connection gets its own schema back
 * before it returns to the pool.
 */
class SchemaSettingTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migrationsRunInTheConfiguredSchemaAndTheConnectionGetsItsSchemaBack(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = new MigrationFiles(folder).add("a1", "base", "create customers", """
                -- +upgrade
                CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50));
                -- +downgrade
                DROP TABLE customers;
                """);
        try (TestDatabase home = TestDatabase.of(kind); TestDatabase other = otherSchema(kind, home);
             Connection connection = home.connect()) {
            String target = other == null ? "OTHER" : other.schema();
            if (other == null) {
                execute(connection, "CREATE SCHEMA OTHER");
            }
            String before = schemaOf(kind, connection);
            SingleConnectionDataSource pooled = new SingleConnectionDataSource(connection, true);
            Retort retort = Retort.builder().dataSource(pooled).locations(files.location()).schema(target).build();

            retort.upgrade("head");

            assertThat(tables(connection, kind, target)).contains("customers", "retort_version", "retort_history");
            assertThat(tables(connection, kind, before)).doesNotContain("customers", "retort_version");
            assertThat(schemaOf(kind, connection)).as("the connection's own schema is restored").isEqualTo(before);
            assertThat(retort.status().current()).containsExactly("a1");
            assertThat(retort.offlineSql(Operation.UPGRADE, "base:head", false, kind.label().replace("mariadb", "mysql")))
                    .as("offline scripts work in the schema too").contains(target);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSchemaThatDoesNotExistIsRefusedBeforeAnythingIsCreated(TestDatabase.Kind kind) throws Exception {
        MigrationFiles files = new MigrationFiles(folder).add("a1", "base", "create customers", """
                -- +upgrade
                CREATE TABLE customers (id INT PRIMARY KEY);
                """);
        try (TestDatabase home = TestDatabase.of(kind); Connection connection = home.connect()) {
            Retort retort = Retort.builder().dataSource(new SingleConnectionDataSource(connection, true))
                    .locations(files.location()).schema("no_such_schema").build();
            assertThatThrownBy(() -> retort.upgrade("head"))
                    .isInstanceOf(RetortException.class)
                    .hasMessageContaining("Schema 'no_such_schema' (retort.schema, or --schema on the command line) does not exist");
            assertThat(tables(connection, kind, schemaOf(kind, connection))).isEmpty();
        }
    }

    private static TestDatabase otherSchema(TestDatabase.Kind kind, TestDatabase home) {
        return kind == TestDatabase.Kind.H2 ? null : TestDatabase.of(kind);
    }

    private static String schemaOf(TestDatabase.Kind kind, Connection connection) throws Exception {
        return kind == TestDatabase.Kind.MARIADB ? connection.getCatalog() : connection.getSchema();
    }

    private static List<String> tables(Connection connection, TestDatabase.Kind kind, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        String catalog = kind == TestDatabase.Kind.MARIADB ? schema : null;
        String schemaPattern = kind == TestDatabase.Kind.MARIADB ? null : schema;
        try (ResultSet rs = connection.getMetaData().getTables(catalog, schemaPattern, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
