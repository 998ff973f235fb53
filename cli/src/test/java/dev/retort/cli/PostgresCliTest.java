package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against PostgreSQL, and offline SQL fed to psql against an online upgrade. */
class PostgresCliTest {

    @TempDir
    Path folder;

    private TestDatabase online;
    private TestDatabase offline;

    @BeforeEach
    void createSchemas() {
        online = TestDatabase.postgres();
        offline = TestDatabase.postgres();
    }

    @AfterEach
    void dropSchemas() {
        if (online != null) {
            online.close();
        }
        if (offline != null) {
            offline.close();
        }
    }

    private Project project(TestDatabase database) {
        Project project = new Project(folder, database.url()).linear();
        project.migration("d4d4d4d4d4d4", "c3c3c3c3c3c3", "notes trigger", """
                CREATE FUNCTION touch_note() RETURNS trigger AS $body$
                BEGIN
                    NEW.body := coalesce(NEW.body, '');
                    RETURN NEW;
                END;
                $body$ LANGUAGE plpgsql;
                CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch_note();
                CREATE INDEX notes_body ON notes (body);""", """
                DROP TRIGGER notes_touch ON notes;
                DROP FUNCTION touch_note();""");
        return project;
    }

    @Test
    void everyDatabaseCommandWorksOnPostgresql() {
        Project project = project(online);
        Cli.Result upgrade = project.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.OK);
        assertThat(upgrade.out()).contains("Running upgrade c3c3c3c3c3c3 -> d4d4d4d4d4d4, notes trigger");
        assertThat(project.run("current").out().strip()).isEqualTo("d4d4d4d4d4d4 (head)");
        assertThat(project.run("current", "-v").out()).contains("PostgreSQL", "schema " + online.schema());
        assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("validate").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("history", "-i").out()).contains("(head) (current), notes trigger");
        assertThat(project.run("downgrade", "-1").out()).contains("Running downgrade d4d4d4d4d4d4 -> c3c3c3c3c3c3");
        assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(project.run("upgrade", "--dry-run", "--json").out()).contains("\"revision\" : \"d4d4d4d4d4d4\"");
        assertThat(project.run("stamp", "head").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("repair").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("graph", "--format", "mermaid").out()).contains("class r_d4d4d4d4d4d4 current");
        assertThat(project.run("downgrade", "base").exitCode()).isEqualTo(ExitCodes.ERROR); // trigger and function are gone already
        assertThat(project.versionRows()).containsExactly("d4d4d4d4d4d4");
    }

    @Test
    void aRoleThatDoesNotExistIsOneLineWithExitOne() {
        Project project = project(online);
        // The driver lets a user= in the URL win over the user setting, so take it out.
        String urlWithoutUser = online.url().replaceAll("([?&])user=[^&]*&?", "$1");
        Cli.Result result = new Cli(folder).env("RETORT_URL", urlWithoutUser).env("RETORT_USER", "no_such_role_here").env("RETORT_PASSWORD", "pw-secret-123")
                .run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).doesNotContain("\n").doesNotContain("pw-secret-123").contains("no_such_role_here");
        assertThat(project.versionRows()).isEmpty();
    }

    @Test
    void offlineSqlPipedIntoPsqlBuildsTheSameSchemaAsAnOnlineUpgrade() throws Exception {
        Project onlineProject = project(online);
        Cli.Result upgrade = onlineProject.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.OK);

        Cli.Result script = new Cli(folder).run("upgrade", "base:head", "--sql", "--dialect", "postgresql");
        assertThat(script.exitCode()).as(script.toString()).isEqualTo(ExitCodes.OK);
        psql(offline, script.out());

        assertThat(columns(offline)).isEqualTo(columns(online)).isNotEmpty();
        assertThat(rows(offline, "SELECT version_num FROM retort_version"))
                .isEqualTo(rows(online, "SELECT version_num FROM retort_version"))
                .containsExactly("d4d4d4d4d4d4");
        String history = "SELECT revision || ' ' || operation || ' ' || coalesce(checksum, '-') || ' ' || success "
                + "FROM retort_history ORDER BY id";
        assertThat(rows(offline, history)).isEqualTo(rows(online, history)).hasSize(4);
        String triggers = "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema()";
        assertThat(rows(offline, triggers)).isEqualTo(rows(online, triggers)).contains("notes_touch");
    }

    /** Runs {@code psql -h HOST -U USER -d DB} with the script on stdin and the test schema as search_path. */
    private static void psql(TestDatabase database, String script) throws IOException, InterruptedException {
        URI uri = URI.create(database.url().substring("jdbc:".length()));
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String psql = findPsql();
        List<String> command = new ArrayList<>(List.of(psql, "-h", uri.getHost(), "-U", parameters.getOrDefault("user", "postgres"),
                "-d", uri.getPath().substring(1), "-v", "ON_ERROR_STOP=1", "-q", "-X")) ;
        if (uri.getPort() > 0) {
            command.addAll(List.of("-p", String.valueOf(uri.getPort())));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + database.schema());
        if (parameters.containsKey("password")) {
            builder.environment().put("PGPASSWORD", parameters.get("password"));
        }
        Process process = builder.start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("psql output:\n" + output).isZero();
    }

    private static String findPsql() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "psql");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        String why = "psql is not on the PATH; the offline-SQL comparison needs the PostgreSQL client.";
        if (Boolean.parseBoolean(System.getenv(TestDatabase.REQUIRE_VARIABLE))) {
            throw new IllegalStateException(why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** Every table.column with its type and nullability in the test's schema, sorted. */
    private static List<String> columns(TestDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
             ResultSet rs = connection.getMetaData().getColumns(null, database.schema(), "%", "%")) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE")
                        + " default=" + rs.getString("COLUMN_DEF"));
            }
            columns.sort(null);
            return columns;
        }
    }

    private static List<String> rows(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
