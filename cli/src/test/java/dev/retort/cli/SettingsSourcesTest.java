package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI finds its database and migrations the way docs/cli.md says, end to end. */
class SettingsSourcesTest {

    @TempDir
    Path folder;

    private String h2(String name) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath();
    }

    @Test
    void aSpringBootProjectNeedsNoSettingsOfItsOwn() throws Exception {
        Project project = new Project(folder, h2("app")).linear();
        Files.writeString(folder.resolve("src/main/resources/application.properties"), """
                spring.datasource.url=%s
                retort.locations=classpath:db/migrations
                """.formatted(h2("app")));
        Cli.Result result = new Cli(folder).run("upgrade", "head");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, create notes");
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
        assertThat(new Cli(folder).run("heads", "-v").out()).contains("Path: classpath:db/migrations/");
    }

    @Test
    void applicationYamlWorksToo() throws Exception {
        Project project = new Project(folder, h2("yaml")).linear();
        Files.writeString(folder.resolve("src/main/resources/application.yml"), """
                spring:
                  datasource:
                    url: %s
                """.formatted(h2("yaml")));
        assertThat(new Cli(folder).run("upgrade", "a1a1").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("a1a1a1a1a1a1");
    }

    @Test
    void flagsBeatVariablesWhichBeatRetortPropertiesWhichBeatTheApplication() throws Exception {
        Project fromFlag = new Project(folder, h2("flag")).linear();
        Project fromVariable = new Project(folder, h2("variable"));
        Project fromFile = new Project(folder, h2("file"));
        Project fromApplication = new Project(folder, h2("application"));
        Files.writeString(folder.resolve("src/main/resources/application.properties"),
                "spring.datasource.url=" + fromApplication.url() + "\n");
        Files.writeString(folder.resolve("retort.properties"), "url=" + fromFile.url() + "\n");

        new Cli(folder).run("stamp", "a1a1");
        assertThat(fromFile.versionRows()).containsExactly("a1a1a1a1a1a1");
        assertThat(fromApplication.tables()).isEmpty();

        new Cli(folder).env("RETORT_URL", fromVariable.url()).run("stamp", "b2b2");
        assertThat(fromVariable.versionRows()).containsExactly("b2b2b2b2b2b2");

        new Cli(folder).env("RETORT_URL", fromVariable.url()).run("stamp", "c3c3", "--url", fromFlag.url());
        assertThat(fromFlag.versionRows()).containsExactly("c3c3c3c3c3c3");
        assertThat(fromVariable.versionRows()).containsExactly("b2b2b2b2b2b2");
    }

    @Test
    void userAndPasswordComeFromFlagsOrVariables() throws Exception {
        String url = h2("secured");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "owner", "s3cret-pass")) {
            connection.createStatement().execute("CREATE SCHEMA app");
        }
        Project project = new Project(folder, url).linear();
        Cli.Result flags = project.run("stamp", "a1a1", "--user", "owner", "--password", "s3cret-pass", "--schema", "APP");
        assertThat(flags.exitCode()).as(flags.toString()).isEqualTo(ExitCodes.OK);
        Cli.Result verbose = project.run("current", "--user", "owner", "--password", "s3cret-pass", "--schema", "APP",
                "--verbose");
        assertThat(verbose.err()).contains("Settings: url=" + url + " from RETORT_URL; user=owner from --user; "
                + "password=*** from --password; locations=filesystem:").doesNotContain("s3cret-pass");
        assertThat(verbose.err()).as("locations nobody set are the default, said once and plainly")
                .contains("; locations=filesystem:" + project.migrations() + " (default)\n").doesNotContain("from default");
        Cli.Result variables = project.cli().env("RETORT_USER", "owner").env("RETORT_PASSWORD", "s3cret-pass")
                .env("RETORT_SCHEMA", "APP").run("current");
        assertThat(variables.exitCode()).as(variables.toString()).isEqualTo(ExitCodes.OK);
        assertThat(variables.out().strip()).isEqualTo("a1a1a1a1a1a1");
    }

    @Test
    void locationsComeFromTheVariable() throws Exception {
        Project project = new Project(folder).linear();
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.move(project.migrations().resolve("a1a1a1a1a1a1_create_accounts.sql"), elsewhere.resolve("a1.sql"));
        Cli.Result heads = project.cli().env("RETORT_LOCATIONS", "elsewhere").run("heads");
        assertThat(heads.out().strip()).isEqualTo("a1a1a1a1a1a1 (head)");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        Project project = new Project(folder, h2("either")).linear();
        assertThat(new Cli(folder).run("--url", project.url(), "upgrade", "a1a1").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new Cli(folder).run("upgrade", "b2b2", "--url", project.url()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("b2b2b2b2b2b2");
    }

    @Test
    void versionAndHistoryTableNamesCanBeChosen() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("upgrade", "head", "--version-table", "my_versions", "--history-table", "my_history");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.tables()).contains("my_versions", "my_history").doesNotContain("retort_version");
        assertThat(project.run("current", "--version-table", "my_versions", "--history-table", "my_history").out())
                .contains("c3c3c3c3c3c3 (head)");
    }

    @Test
    void theSchemaOptionPutsTheVersionTablesInThatSchema() {
        Project project = new Project(folder).linear();
        project.execute("CREATE SCHEMA tracking");
        Cli.Result result = project.run("stamp", "head", "--schema", "TRACKING");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.query("SELECT version_num FROM tracking.retort_version")).containsExactly("c3c3c3c3c3c3");
        assertThat(project.run("current", "--schema", "TRACKING").out()).contains("c3c3c3c3c3c3 (head)");
    }
}
