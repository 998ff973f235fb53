package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.LockTimeoutException;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgreSqlDialectTest extends DialectConformanceTest {

    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    protected String expectedName() {
        return "postgresql";
    }

    @Override
    protected void assertHolder(LockTimeoutException e) {
        assertThat(e.holder()).contains("pid").contains("user 'postgres'").contains("client");
        assertThat(e.getMessage()).contains(e.holder());
    }

    @Test
    void tablesListsPartitionedTablesAndViewsOfAQuotedSchemaAndNothingOfOtherSchemas() throws SQLException {
        try (TestDatabase db = TestDatabase.postgres(); Connection connection = db.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"Mixed Case\"");
            try {
                statement.execute("CREATE TABLE \"Mixed Case\".events (id INT, at DATE) PARTITION BY RANGE (at)");
                statement.execute("CREATE TABLE \"Mixed Case\".plain (id INT)");
                statement.execute("CREATE VIEW \"Mixed Case\".a_view AS SELECT 1 AS one");
                statement.execute("CREATE TABLE " + db.schema() + ".elsewhere (id INT)");

                assertThat(new PostgreSqlDialect().tables(connection, "Mixed Case")).containsExactly("events", "plain", "a_view");
                assertThat(new PostgreSqlDialect().tables(connection, "mixed case")).isEmpty();
                assertThat(new PostgreSqlDialect().tables(connection, db.schema().toUpperCase(java.util.Locale.ROOT)))
                        .containsExactly("elsewhere");
            } finally {
                statement.execute("DROP SCHEMA \"Mixed Case\" CASCADE");
            }
        }
    }
}
