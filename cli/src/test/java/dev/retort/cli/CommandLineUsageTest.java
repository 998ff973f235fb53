package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineUsageTest {

    @TempDir
    Path folder;

    @Test
    void helpListsEveryCommandWithAnAlembicStyleDescription() {
        Cli.Result result = new Cli(folder).run("--help");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Usage: retort [-hV]")
                .contains("Commands:", "Options:", "init", "--url=URL", "Exit codes: 0 success, 1 error, 2 usage error");
    }

    @Test
    void everyCommandHasHelpWithItsOwnOptionsFirstAndTheGlobalOnesAfter() {
        for (String command : new String[] {"init", "revision", "upgrade", "downgrade", "current", "heads", "branches",
                "history", "show", "stamp", "merge", "check", "validate", "repair", "graph"}) {
            Cli.Result result = new Cli(folder).run(command, "--help");
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).as(command).startsWith("Usage: retort " + command + " [-h]")
                    .contains("Options:", "Global options (also accepted before the command):", "--url=URL");
            assertThat(result.out().indexOf("--url=URL")).as(command)
                    .isGreaterThan(result.out().indexOf("Global options"));
        }
    }

    @Test
    void upgradeHelpReadsLikeAlembics() {
        Cli.Result result = new Cli(folder).run("upgrade", "--help");
        assertThat(result.out()).startsWith("""
                Usage: retort upgrade [-h] [--sql] [--dry-run] [--lock-timeout DURATION]
                                      [--json] [GLOBAL-OPTIONS] [TARGET]
                Upgrade to a later version.

                Positional arguments:
                """).contains("--sql", "--dry-run", "Examples:", "retort upgrade base:head --sql --dialect postgresql");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result result = new Cli(folder).run("--version");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().strip()).matches("retort \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnOneLineWithASuggestion() {
        Cli.Result result = new Cli(folder).run("innit");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).doesNotContain("\n").contains("innit").contains("Did you mean: init?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingTheOptionAndTheHelp() {
        Cli.Result result = new Cli(folder).run("init", "--bogus");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).doesNotContain("\n").contains("'--bogus'").contains("retort init --help");
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        Cli.Result result = new Cli(folder).run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Usage: retort").contains("a command is required");
    }
}
