package dev.retort;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.Dialects;
import dev.retort.graph.Operation;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine is driven by the Spring Boot starter and by the CLI: a message about a setting
 * names it for both (the property and the command-line option), so neither reader is sent to a
 * setting they cannot set.
 */
class SettingMessagesTest {

    @TempDir
    Path folder;

    private Retort.Builder engine() {
        return Retort.builder().locations(MigrationFiles.branchedAndMerged(folder).location());
    }

    @Test
    void badTableNamesNameThePropertyAndTheOption() {
        assertThatThrownBy(() -> engine().versionTable(" ").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The version table (retort.version-table, or --version-table on the command line)"
                        + " must be a table name of 1 to 63 characters");
        assertThatThrownBy(() -> engine().versionTable("t").historyTable("T").build())
                .hasMessageContaining("(retort.version-table and retort.history-table, or --version-table and"
                        + " --history-table on the command line) are both 't'");
    }

    @Test
    void aNegativeLockTimeoutNamesThePropertyAndTheBuilderMethod() {
        assertThatThrownBy(() -> engine().lockTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("The lock timeout (retort.lock-timeout, or lockTimeout(...) on the builder)");
    }

    @Test
    void dialectMessagesNameThePropertyAndTheOption() {
        assertThatThrownBy(() -> Dialects.forName("oracle"))
                .hasMessageContaining("(retort.dialect, or --dialect on the command line)");
        assertThatThrownBy(() -> engine().build().offlineSql(Operation.UPGRADE, "head", false, null))
                .hasMessageContaining("set the dialect (--dialect on the command line, or retort.dialect)");
    }

    @Test
    void aMariadbUrlWithoutDatabaseAsksForTheSchemaBothWays() {
        try (TestDatabase mariadb = TestDatabase.mariadb()) {
            String url = mariadb.url().replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1");
            DriverManagerDataSource noDatabase = new DriverManagerDataSource(url);
            assertThatThrownBy(() -> engine().dataSource(noDatabase).build().status())
                    .isInstanceOf(RetortException.class)
                    .hasMessageContaining("set the schema (retort.schema, or --schema on the command line)");
        }
    }
}
