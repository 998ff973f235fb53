package dev.retort.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachTestGetsAnIsolatedSchemaThatIsDroppedAfterwards(TestDatabase.Kind kind) throws Exception {
        String schema;
        try (TestDatabase db = TestDatabase.of(kind);
             Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            schema = db.schema();
            statement.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO probe VALUES (1)");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            if (kind != TestDatabase.Kind.H2) {
                assertThat(tableSchemas(connection, "probe")).containsExactly(schema);
            }
        }
        if (kind != TestDatabase.Kind.H2) {
            try (TestDatabase other = TestDatabase.of(kind); Connection connection = other.connect()) {
                assertThat(tableSchemas(connection, "probe")).doesNotContain(schema);
            }
        }
    }

    private static java.util.List<String> tableSchemas(Connection connection, String table) throws Exception {
        java.util.List<String> schemas = new java.util.ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT table_schema FROM information_schema.tables WHERE lower(table_name) = '" + table + "'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    @org.junit.jupiter.api.Test
    void mariadbUrlGetsItsDatabaseReplaced() {
        assertThat(TestDatabase.withDatabase("jdbc:mariadb://127.0.0.1:3306/test?user=root", "rt_1"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/rt_1?user=root");
    }
}
