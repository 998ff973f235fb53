package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path folder;

    @Test
    void initCreatesTheDefaultMigrationsFolderAndACommentedPropertiesFile() throws Exception {
        Cli.Result result = new Cli(folder).run("init");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("src/main/resources/db/migrations")).isDirectory();
        String properties = Files.readString(folder.resolve("retort.properties"));
        assertThat(properties).contains("#url=jdbc:postgresql://localhost:5432/app")
                .contains("locations=src/main/resources/db/migrations")
                .contains("RETORT_PASSWORD");
        assertThat(result.out()).contains("Creating directory").contains("Generating");
    }

    @Test
    void initWritesTheGivenUrlUserAndLocations() throws Exception {
        Cli.Result result = new Cli(folder).run("init", "--url", "jdbc:h2:file:/tmp/x", "--user", "sa",
                "--locations", "migrations");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("migrations")).isDirectory();
        assertThat(Files.readString(folder.resolve("retort.properties")))
                .contains("\nurl=jdbc:h2:file:/tmp/x").contains("\nuser=sa").contains("\nlocations=migrations");
    }

    @Test
    void initRefusesToOverwriteAnExistingPropertiesFile() throws Exception {
        Files.writeString(folder.resolve("retort.properties"), "url=jdbc:h2:mem:mine\n");
        Cli.Result result = new Cli(folder).run("init");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).startsWith("FAILED: ").contains("retort.properties already exists")
                .doesNotContain("\n");
        assertThat(Files.readString(folder.resolve("retort.properties"))).isEqualTo("url=jdbc:h2:mem:mine\n");
        assertThat(folder.resolve("src")).doesNotExist();
    }

    @Test
    void initRefusesToWriteAPasswordIntoThePropertiesFile() {
        Cli.Result result = new Cli(folder).run("init", "--url", "jdbc:postgresql://h/db?user=u&password=hunter22");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("RETORT_PASSWORD").doesNotContain("hunter22");
        assertThat(folder.resolve("retort.properties")).doesNotExist();
    }

    @Test
    void initKeepsAnExistingMigrationsFolder() throws Exception {
        Path migrations = Files.createDirectories(folder.resolve("src/main/resources/db/migrations"));
        Files.writeString(migrations.resolve("keep.sql"), "-- mine");
        Cli.Result result = new Cli(folder).run("init");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("already exists, keeping it");
        assertThat(migrations.resolve("keep.sql")).hasContent("-- mine");
    }
}
