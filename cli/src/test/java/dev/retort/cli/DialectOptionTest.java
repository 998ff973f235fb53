package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A dialect Retort does not know: on the command line a usage error (exit code 2) naming
 * {@code --dialect}, as a bad {@code --lock-timeout} is; from {@code RETORT_DIALECT},
 * retort.properties or application.properties a settings error (exit code 1) naming where it
 * came from. Either way nothing reaches the database.
 */
class DialectOptionTest {

    private static final String WHAT_TO_DO = "give one of postgresql, h2, mariadb, mysql, or leave the dialect out "
            + "to detect it from the connection";

    @TempDir
    Path folder;

    @Test
    void aBadFlagIsAUsageErrorNamingTheOptionTheValueAndTheKnownDialects() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("upgrade", "--dialect", "oracle");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLine()).isEqualTo("retort upgrade: error: Invalid value for option '--dialect': 'oracle' "
                + "is not a dialect Retort knows; " + WHAT_TO_DO + " (see 'retort upgrade --help')");
        assertThat(folder.resolve("db.mv.db")).as("the database was never even opened").doesNotExist();

        // Before the command name too (the option is global), and for commands that never connect.
        Cli.Result beforeTheCommand = project.run("--dialect", "oracle", "upgrade");
        assertThat(beforeTheCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(beforeTheCommand.errLine()).startsWith("retort: error: Invalid value for option '--dialect': 'oracle'");
        Cli.Result offline = project.run("upgrade", "--sql", "--dialect", "postgresq");
        assertThat(offline.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(offline.out()).as("no half-written script").isEmpty();
        assertThat(offline.errLine()).contains("'--dialect': 'postgresq' is not a dialect Retort knows");
        assertThat(folder.resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void underJsonABadFlagIsTheUsageErrorDocument() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("current", "--dialect", "db2", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode error = result.json().get("error");
        assertThat(error.get("type").asString()).isEqualTo("UsageError");
        assertThat(error.get("message").asString()).isEqualTo("Invalid value for option '--dialect': 'db2' is not a "
                + "dialect Retort knows; " + WHAT_TO_DO);
    }

    @Test
    void aBadValueFromTheEnvironmentIsASettingsErrorNamingTheVariable() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.cli().env("RETORT_DIALECT", "oracle").run("upgrade");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).isEqualTo("FAILED: Invalid dialect from RETORT_DIALECT: 'oracle' is not a dialect "
                + "Retort knows; " + WHAT_TO_DO + ".");
        assertThat(folder.resolve("db.mv.db")).as("the database was never even opened").doesNotExist();
    }

    @Test
    void aBadValueFromASettingsFileIsASettingsErrorNamingTheFile() throws Exception {
        Project project = new Project(folder).linear();
        Files.writeString(folder.resolve("retort.properties"), "dialect=sqlite\n");
        Cli.Result fromProperties = project.run("upgrade");
        assertThat(fromProperties.exitCode()).as(fromProperties.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(fromProperties.errLine()).isEqualTo("FAILED: Invalid dialect from retort.properties: 'sqlite' is not "
                + "a dialect Retort knows; " + WHAT_TO_DO + ".");
        Files.delete(folder.resolve("retort.properties"));

        Files.writeString(folder.resolve("src/main/resources/application.properties"), "retort.dialect=Oracle\n");
        Cli.Result fromApplication = project.run("upgrade");
        assertThat(fromApplication.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(fromApplication.errLine()).startsWith("FAILED: Invalid dialect from "
                + "src/main/resources/application.properties (retort.dialect): 'Oracle' is not a dialect Retort knows");
        assertThat(folder.resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void theFlagWinsOverABadVariableAndNamesAreReadAsTheEngineReadsThem() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.cli().env("RETORT_DIALECT", "oracle").run("upgrade", "--dialect", "H2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
        // The engine's alias for postgresql is a dialect on the command line too.
        Cli.Result alias = new Cli(folder).run("upgrade", "--sql", "--dialect", "postgres");
        assertThat(alias.exitCode()).as(alias.toString()).isEqualTo(ExitCodes.OK);
        assertThat(alias.out()).contains("CREATE TABLE accounts");
    }
}
