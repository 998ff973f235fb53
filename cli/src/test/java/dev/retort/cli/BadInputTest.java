package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wrong command lines, unreachable databases, wrong credentials, missing or empty folders and
 * malformed files: one line on stderr, the exit code from DESIGN.md, no password anywhere, and
 * nothing changed in the database.
 */
class BadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path folder;

    @Test
    void anUnknownCommandExitsWithTwo() {
        Cli.Result result = new Project(folder).linear().run("upgrad");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo(
                "retort: error: Unknown command 'upgrad'. Did you mean: upgrade? (see 'retort --help')");
    }

    @Test
    void anUnknownOptionExitsWithTwo() {
        Cli.Result result = new Project(folder).linear().run("upgrade", "--fast");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo("retort upgrade: error: Unknown option: '--fast' (see 'retort upgrade --help')");
    }

    @Test
    void aMissingTargetExitsWithTwoAndChangesNothing() {
        Project project = new Project(folder).linear();
        project.run("upgrade", "head");
        Cli.Result result = project.run("downgrade");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo(
                "retort downgrade: error: Missing required parameter: 'TARGET' (see 'retort downgrade --help')");
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void revisionWithoutAMessageAndStampWithoutARevisionAreUsageErrors() {
        Project project = new Project(folder).linear();
        assertThat(project.run("revision").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(project.run("stamp").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(project.run("merge", "heads").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(project.run("show").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void sqlAndDryRunTogetherAreAUsageError() {
        Cli.Result result = new Project(folder).linear().run("upgrade", "--sql", "--dry-run");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).contains("--sql and --dry-run exclude each other");
    }

    @Test
    void usageErrorsUnderJsonAlsoPrintTheErrorDocument() {
        Cli.Result result = new Project(folder).linear().run("current", "--json", "--bogus");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode error = JSON.readTree(result.out());
        assertThat(error.get("error").get("type").asString()).isEqualTo("UsageError");
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithExitOneAndNoPassword() {
        Project project = new Project(folder, "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET).linear();
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).doesNotContain("\n").doesNotContain(SECRET)
                .startsWith("FAILED: Could not connect to jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=*** "
                        + "(URL from RETORT_URL)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void wrongCredentialsAreOneLineWithExitOneAndNoPasswordEvenWithVerbose() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("locked").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "owner", "right-password")) {
            connection.createStatement().execute("CREATE TABLE marker (id INT)");
        }
        Project project = new Project(folder, url).linear();
        Cli.Result result = project.cli().env("RETORT_USER", "owner").env("RETORT_PASSWORD", SECRET)
                .run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).doesNotContain("\n").doesNotContain(SECRET)
                .contains("as user 'owner' (from RETORT_USER)", "Wrong user name or password");
        Cli.Result verbose = project.cli().env("RETORT_USER", "owner").env("RETORT_PASSWORD", SECRET)
                .run("upgrade", "head", "--verbose");
        assertThat(verbose.err()).contains("at dev.retort.cli.Workspace").doesNotContain(SECRET);
        try (Connection connection = DriverManager.getConnection(url, "owner", "right-password");
             var tables = connection.getMetaData().getTables(null, null, "RETORT_VERSION", null)) {
            assertThat(tables.next()).as("no version table was created").isFalse();
        }
    }

    @Test
    void passwordsGivenAsFlagsNeverAppearInErrors() {
        Cli.Result result = new Project(folder, "jdbc:postgresql://127.0.0.1:1/test").linear()
                .run("current", "--user", "app", "--password", SECRET, "--verbose");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err() + result.out()).doesNotContain(SECRET);
    }

    @Test
    void errorsUnderJsonPrintTheErrorDocumentAndExitOne() {
        Project project = new Project(folder, "jdbc:postgresql://127.0.0.1:1/test?password=" + SECRET).linear();
        Cli.Result result = project.run("current", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        JsonNode document = JSON.readTree(result.out());
        assertThat(document.propertyNames()).containsExactly("error");
        assertThat(document.get("error").propertyNames()).containsExactly("type", "message");
        assertThat(document.get("error").get("type").asString()).isEqualTo("ConnectionException");
        assertThat(document.get("error").get("message").asString()).startsWith("Could not connect").doesNotContain(SECRET);
    }

    @Test
    void anUnknownRevisionUnderJsonNamesTheExceptionType() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("upgrade", "zzzz", "--dry-run", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(JSON.readTree(result.out()).get("error").get("type").asString()).isEqualTo("ResolutionException");
        assertThat(result.errLine()).contains("'zzzz'");
    }

    @Test
    void noUrlAnywhereSaysWhereToPutOne() {
        new Project(folder).linear();
        Cli.Result result = new Cli(folder).run("current");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).isEqualTo("FAILED: No database URL configured: pass --url, set RETORT_URL, add url= "
                + "to retort.properties, or set spring.datasource.url in src/main/resources/application.properties.");
    }

    @Test
    void aMissingMigrationsFolderPointsAtInit() {
        Cli.Result result = new Cli(folder).env("RETORT_URL", "jdbc:h2:file:" + folder.resolve("db")).run("upgrade");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("Migrations folder " + folder.resolve(Project.MIGRATIONS)
                + " (the default location) does not exist; run 'retort init'");
        assertThat(folder.resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void anEmptyMigrationsFolderIsAnErrorForUpgradeAndChangesNothing() {
        Project project = new Project(folder);
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).startsWith("FAILED: No migration files (*.sql) found in filesystem:");
        assertThat(project.tables()).isEmpty();
        assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(project.run("heads").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aNonEmptySchemaWithoutVersionTableIsRefusedWithTheWayOut() {
        Project project = new Project(folder).linear();
        project.execute("CREATE TABLE legacy (id INT)");
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("retort stamp").doesNotContain("\n");
        // H2's lock lives in a helper table (retort_version_lock); the schema's own content is untouched.
        assertThat(project.tables()).contains("legacy").doesNotContain("retort_version", "retort_history");
    }

    @Test
    void aMalformedFileIsNamedWithItsLineAndNothingRuns() throws Exception {
        Project project = new Project(folder).linear();
        project.write("d4d4d4d4d4d4_broken.sql", """
                -- revision: d4d4d4d4d4d4
                -- revises: c3c3c3c3c3c3
                -- mesage: typo in a header key

                -- +upgrade
                CREATE TABLE broken (id INT);
                """);
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).doesNotContain("\n")
                .contains(project.migrations().resolve("d4d4d4d4d4d4_broken.sql") + " line 3")
                .contains("did you mean 'message'?");
        assertThat(project.tables()).isEmpty();
    }

    @Test
    void severalFileProblemsPrintOneFailedLineAndThenOneLinePerProblem() throws Exception {
        Project project = new Project(folder).linear();
        project.write("d4d4d4d4d4d4_broken.sql", """
                -- revision: d4d4d4d4d4d4
                -- revises: c3c3c3c3c3c3
                -- mesage: typo in a header key

                -- +upgrade
                CREATE TABLE broken (id INT);
                """);
        project.write("e5e5e5e5e5e5_open.sql", """
                -- revision: e5e5e5e5e5e5
                -- revises: d4d4d4d4d4d4

                -- +upgrade
                INSERT INTO t VALUES ('never closed);
                """);
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("FAILED: Migration files have 2 problems; nothing was run:");
            assertThat(lines.get(1)).startsWith("  - " + project.migrations().resolve("d4d4d4d4d4d4_broken.sql") + " line 3: ")
                    .contains("did you mean 'message'?");
            assertThat(lines.get(2)).startsWith("  - " + project.migrations().resolve("e5e5e5e5e5e5_open.sql") + " line 5: ");
        });
        assertThat(project.tables()).isEmpty();

        Cli.Result json = project.run("upgrade", "head", "--json");
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertThat(error.propertyNames()).containsExactly("type", "message", "problems");
        assertThat(error.get("type").asString()).isEqualTo("ScriptLoadException");
        assertThat(error.get("message").asString()).doesNotContain("\n").startsWith("Migration files have 2 problems");
        assertThat(error.get("problems")).hasSize(2);
        JsonNode first = error.get("problems").get(0);
        assertThat(first.propertyNames()).containsExactly("location", "line", "message");
        assertThat(first.get("location").asString()).isEqualTo(project.migrations().resolve("d4d4d4d4d4d4_broken.sql").toString());
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("message").asString()).startsWith("unknown header key 'mesage'");
        assertThat(error.get("problems").get(1).get("line").asInt()).isEqualTo(5);

        Files.delete(project.migrations().resolve("d4d4d4d4d4d4_broken.sql"));
        Files.delete(project.migrations().resolve("e5e5e5e5e5e5_open.sql"));
        JsonNode other = JSON.readTree(project.run("show", "nope", "--json").out()).get("error");
        assertThat(other.get("type").asString()).isEqualTo("ResolutionException");
        assertThat(other.propertyNames()).as("other errors keep DESIGN.md's shape").containsExactly("type", "message");
    }

    @Test
    void aFailingStatementNamesTheRevisionAndTheFirstRevisionsStayApplied() {
        Project project = new Project(folder).linear();
        project.migration("d4d4d4d4d4d4", "c3c3c3c3c3c3", "bad sql", "CREATE TABLE ok_table (id INT);\nSELEC nonsense;",
                "SELECT 1;");
        Cli.Result result = project.run("upgrade", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains("Running upgrade c3c3c3c3c3c3 -> d4d4d4d4d4d4, bad sql");
        assertThat(result.errLine()).startsWith("FAILED: ").contains("d4d4d4d4d4d4").doesNotContain("\n");
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void anIrreversibleRevisionStopsTheDowngradeBeforeAnythingRuns() {
        Project project = new Project(folder).linear();
        project.migration("d4d4d4d4d4d4", "c3c3c3c3c3c3", "one way", "CREATE TABLE one_way (id INT);", null);
        project.run("upgrade", "head");
        Cli.Result result = project.run("downgrade", "b2b2b2b2b2b2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("d4d4d4d4d4d4");
        assertThat(project.versionRows()).containsExactly("d4d4d4d4d4d4");
    }

    @Test
    void aBadRetortPropertiesKeyIsAnErrorNamingTheLine() throws Exception {
        Files.writeString(folder.resolve("retort.properties"), "url=jdbc:h2:mem:x\nlocation=db\n");
        Cli.Result result = new Cli(folder).run("heads");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("retort.properties:2: unknown setting 'location'; did you mean 'locations'?");
    }

    @Test
    void anUnknownDialectForOfflineSqlIsAUsageError() {
        Cli.Result result = new Project(folder).linear().run("upgrade", "--sql", "--dialect", "oracle");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).contains("'--dialect': 'oracle'");
    }

    @Test
    void offlineSqlWithoutAnyDialectSaysToPassOne() {
        new Project(folder).linear();
        Cli.Result result = new Cli(folder).run("upgrade", "--sql");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("pass --dialect postgresql, h2, mysql or mariadb");
    }

    @Test
    void anInvalidRevIdIsAUsageError() {
        Cli.Result result = new Project(folder).linear().run("revision", "-m", "x", "--rev-id", "head");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).contains("--rev-id 'head' is not a valid revision id");
    }
}
