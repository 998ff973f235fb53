package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Operation;
import dev.retort.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline SQL ({@code --sql}) run through each database's own client gives the same schema and
 * version rows as an online upgrade.
 */
class OfflineSqlTest {

    @TempDir
    Path folder;

    @TempDir
    Path scripts;

    private Retort offline;

    @BeforeEach
    void setUp() {
        MigrationFiles.branchedAndMerged(folder);
        offline = Retort.builder().locations("filesystem:" + folder.toAbsolutePath()).build();
    }

    @Test
    void baseToHeadThroughPsqlMatchesAnOnlineUpgrade() throws Exception {
        String sql = offline.offlineSql(Operation.UPGRADE, "base:head", false, "postgresql");
        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS retort_version", "BEGIN;", "COMMIT;",
                "INSERT INTO retort_version (version_num) VALUES ('a1');",
                "UPDATE retort_version SET version_num = 'd1' WHERE version_num = 'm1';",
                "-- Running upgrade b1, c1 -> m1, merge orders and email");
        try (TestDatabase viaPsql = TestDatabase.postgres(); TestDatabase online = TestDatabase.postgres()) {
            Path file = scripts.resolve("upgrade.sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            ProcessBuilder psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test",
                    "-v", "ON_ERROR_STOP=1", "-q", "-f", file.toString()).redirectErrorStream(true);
            psql.environment().put("PGOPTIONS", "-c search_path=" + viaPsql.schema());
            run(psql);

            Retort.builder().dataSource(online.dataSource()).locations("filesystem:" + folder.toAbsolutePath())
                    .build().upgrade("head");

            assertSameSchema(viaPsql, online);
        }
    }

    @Test
    void baseToHeadThroughTheMariadbClientMatchesAnOnlineUpgrade() throws Exception {
        String sql = offline.offlineSql(Operation.UPGRADE, "head", false, "mariadb");
        assertThat(sql).contains("START TRANSACTION;");
        try (TestDatabase viaClient = TestDatabase.mariadb(); TestDatabase online = TestDatabase.mariadb()) {
            Path file = scripts.resolve("upgrade.sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            run(new ProcessBuilder("mariadb", "-h", "127.0.0.1", "-u", "root", viaClient.schema(), "-e",
                    "source " + file).redirectErrorStream(true));

            Retort.builder().dataSource(online.dataSource()).locations("filesystem:" + folder.toAbsolutePath())
                    .build().upgrade("head");

            assertSameSchema(viaClient, online);
        }
    }

    @Test
    void aRoutineBodyWithSemicolonsReachesTheMariadbClientInDelimiterLines() throws Exception {
        new MigrationFiles(folder).add("e1", "d1", "a procedure", """
                -- +upgrade
                -- +begin
                CREATE PROCEDURE count_customers(OUT n INT)
                BEGIN
                  SELECT COUNT(*) INTO n FROM customers;
                END
                -- +end
                -- +downgrade
                DROP PROCEDURE count_customers;
                """);
        Retort withProcedure = Retort.builder().locations("filesystem:" + folder.toAbsolutePath()).build();
        String sql = withProcedure.offlineSql(Operation.UPGRADE, "base:head", false, "mariadb");
        assertThat(sql).contains("DELIMITER //");
        try (TestDatabase viaClient = TestDatabase.mariadb()) {
            Path file = scripts.resolve("upgrade.sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            run(new ProcessBuilder("mariadb", "-h", "127.0.0.1", "-u", "root", viaClient.schema(), "-e",
                    "source " + file).redirectErrorStream(true));
            assertThat(new SchemaInspector(viaClient).query("SELECT ROUTINE_NAME FROM information_schema.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA = '" + viaClient.schema() + "'")).containsExactly("count_customers");
        }
    }

    @Test
    void baseToHeadRunOnH2MatchesAnOnlineUpgrade() throws Exception {
        String sql = offline.offlineSql(Operation.UPGRADE, "base:head", false, "h2");
        try (TestDatabase script = TestDatabase.h2(); TestDatabase online = TestDatabase.h2()) {
            Path file = scripts.resolve("upgrade.sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            try (Connection connection = script.connect(); Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM '" + file + "'");
            }
            Retort.builder().dataSource(online.dataSource()).locations("filesystem:" + folder.toAbsolutePath())
                    .build().upgrade("head");
            assertSameSchema(script, online);
        }
    }

    @Test
    void aDowngradeScriptNeedsARangeAndUndoesNewestFirst() {
        assertThatThrownBy(() -> offline.offlineSql(Operation.DOWNGRADE, "base", false, "postgresql"))
                .isInstanceOf(RetortException.class)
                .hasMessageContaining("FROM:TO");
        String sql = offline.offlineSql(Operation.DOWNGRADE, "head:c1", false, "postgresql");
        assertThat(sql).doesNotContain("CREATE TABLE IF NOT EXISTS retort_version");
        assertThat(sql.indexOf("DROP TABLE products")).isLessThan(sql.indexOf("DROP TABLE audit"));
        assertThat(sql).contains("DROP INDEX products_sku;")
                .contains("UPDATE retort_version SET version_num = 'm1' WHERE version_num = 'd1';");
    }

    @Test
    void aMysqlScriptUsesTheMysqlSectionAndAStampScriptRunsNoMigration() {
        assertThat(offline.offlineSql(Operation.DOWNGRADE, "d1:m1", false, "mysql"))
                .contains("DROP INDEX products_sku ON products;");
        String stamp = offline.offlineSql(Operation.STAMP, "head", false, "postgresql");
        assertThat(stamp).contains("INSERT INTO retort_version (version_num) VALUES ('d1');")
                .contains("'stamp'").doesNotContain("CREATE TABLE customers");
        assertThat(offline.offlineSql(Operation.STAMP, "c1:d1", false, "postgresql"))
                .contains("UPDATE retort_version SET version_num = 'd1' WHERE version_num = 'c1';")
                .doesNotContain("CREATE TABLE IF NOT EXISTS");
    }

    @Test
    void withoutADialectOfflineSqlSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> offline.offlineSql(Operation.UPGRADE, "head", false, null))
                .hasMessageContaining("--dialect")
                .hasMessageContaining("retort.dialect");
    }

    @Test
    void transactionModeAllWrapsTheWholeScriptInOneTransaction() {
        Retort all = Retort.builder().locations("filesystem:" + folder.toAbsolutePath())
                .transactionMode(TransactionMode.ALL).build();
        String sql = all.offlineSql(Operation.UPGRADE, "head", false, "postgresql");
        assertThat(sql.split("BEGIN;", -1)).hasSize(2);
        assertThat(sql.split("COMMIT;", -1)).hasSize(2);
        assertThat(sql.strip()).endsWith("COMMIT;");
    }

    private static void run(ProcessBuilder process) throws Exception {
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(output).isZero();
    }

    private static void assertSameSchema(TestDatabase offline, TestDatabase online) throws Exception {
        SchemaInspector a = new SchemaInspector(offline);
        SchemaInspector b = new SchemaInspector(online);
        // Online runs on H2 also leave the lock table behind (an empty row-lock anchor, see docs/engine.md).
        List<String> onlineTables = new ArrayList<>(b.tables());
        onlineTables.removeIf(t -> t.endsWith("_lock"));
        assertThat(a.tables()).isEqualTo(onlineTables).contains("customers", "retort_version", "retort_history");
        assertThat(columns(a)).isEqualTo(columns(b));
        assertThat(a.versionRows()).isEqualTo(b.versionRows()).containsExactly("d1");
        assertThat(a.query("SELECT revision FROM retort_history ORDER BY id"))
                .containsExactlyInAnyOrderElementsOf(b.query("SELECT revision FROM retort_history ORDER BY id"));
    }

    private static Map<String, List<String>> columns(SchemaInspector inspect) throws Exception {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : inspect.tables()) {
            if (!table.endsWith("_lock")) {
                columns.put(table, new ArrayList<>(inspect.columns(table)));
            }
        }
        return columns;
    }
}
