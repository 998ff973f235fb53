package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProjectTest {

    @TempDir
    Path folder;

    @Test
    void initRevisionEditAndUpgradeWorkInAnEmptyFolderWithOnlyAJdbcUrl() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("fresh").toAbsolutePath();
        Cli cli = new Cli(folder);
        assertThat(cli.run("init", "--url", url).exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Result revision = cli.run("revision", "-m", "create people");
        assertThat(revision.exitCode()).as(revision.toString()).isEqualTo(ExitCodes.OK);

        Path file;
        try (Stream<Path> files = Files.list(folder.resolve("src/main/resources/db/migrations"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file)
                .replace("-- +upgrade\n", "-- +upgrade\nCREATE TABLE people (id INT PRIMARY KEY);\n")
                .replace("-- +downgrade\n", "-- +downgrade\nDROP TABLE people;\n"));

        Cli.Result upgrade = cli.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.OK);
        String id = file.getFileName().toString().substring(0, 12);
        assertThat(upgrade.out().strip()).isEqualTo("Running upgrade  -> " + id + ", create people");
        Project database = new Project(folder, url);
        assertThat(database.tables()).contains("people");
        assertThat(database.versionRows()).containsExactly(id);
        assertThat(cli.run("current").out().strip()).isEqualTo(id + " (head)");
    }
}
