package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on MariaDB: a round trip through upgrade, current, check and downgrade. */
class MariaDbCliTest {

    @TempDir
    Path folder;

    @Test
    void upgradeCurrentCheckAndDowngradeWorkOnMariadb() {
        try (TestDatabase database = TestDatabase.mariadb()) {
            Project project = new Project(folder, database.url()).linear();
            Cli.Result upgrade = project.run("upgrade", "head");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.OK);
            assertThat(upgrade.out().lines()).hasSize(3);
            assertThat(project.run("current").out().strip()).isEqualTo("c3c3c3c3c3c3 (head)");
            assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.OK);
            Cli.Result downgrade = project.run("downgrade", "base");
            assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(ExitCodes.OK);
            assertThat(project.versionRows()).isEmpty();
            assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        }
    }
}
