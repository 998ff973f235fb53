package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Dialects;
import dev.retort.dialect.MigrationLock;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --lock-timeout} against a real lock: another connection holds the schema's migration
 * lock (as a second migrator would), and the commands that take the lock give up after the
 * configured time instead of the default 60 s, with the engine's message and exit code 1.
 */
class LockTimeoutTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Well below the default of 60 s, well above a one-second timeout on a slow machine. */
    private static final Duration FAST = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void upgradeGivesUpAfterTheLockTimeoutWhileAnotherConnectionHoldsTheLock() throws Exception {
        Project project = new Project(folder).linear();
        assertThat(project.run("upgrade", "a1a1a1a1a1a1").exitCode()).isEqualTo(ExitCodes.OK);
        try (Connection holder = DriverManager.getConnection(project.url());
             MigrationLock lock = Dialects.detect(holder).lock(holder, "PUBLIC", "retort_version", Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            Cli.Result result = project.run("upgrade", "--lock-timeout", "1s");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ERROR);
            assertThat(took).isLessThan(FAST);
            assertThat(result.errLine()).doesNotContain("\n")
                    .startsWith("FAILED: Timed out after 1s waiting for the migration lock of schema 'PUBLIC'")
                    .contains("raise the lock timeout (retort.lock-timeout, or --lock-timeout on the command line)");
            assertThat(project.versionRows()).containsExactly("a1a1a1a1a1a1");
        }
        Cli.Result afterwards = project.run("upgrade", "--lock-timeout", "1s");
        assertThat(afterwards.exitCode()).as(afterwards.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void everyCommandThatTakesTheLockHonoursIt() throws Exception {
        Project project = new Project(folder).linear();
        project.run("upgrade", "b2b2b2b2b2b2");
        try (Connection holder = DriverManager.getConnection(project.url());
             MigrationLock lock = Dialects.detect(holder).lock(holder, "PUBLIC", "retort_version", Duration.ofSeconds(5))) {
            for (String[] command : new String[][] {{"downgrade", "base"}, {"stamp", "head"}, {"repair"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--lock-timeout", "0")).toArray(String[]::new);
                long start = System.nanoTime();
                Cli.Result result = project.run(args);
                assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(ExitCodes.ERROR);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
                assertThat(result.errLine()).as(command[0]).startsWith("FAILED: Timed out after 0s waiting for the migration lock");
            }
            // Under --json the timeout is the documented error document.
            Cli.Result json = project.run("upgrade", "--lock-timeout", "500ms", "--json");
            JsonNode error = JSON.readTree(json.out()).get("error");
            assertThat(error.get("type").asString()).isEqualTo("LockTimeoutException");
            assertThat(error.get("message").asString()).startsWith("Timed out after 500ms");
            // A plan takes no lock, so --dry-run answers at once whatever the timeout.
            assertThat(project.run("upgrade", "--dry-run", "--lock-timeout", "0").exitCode()).isEqualTo(ExitCodes.OK);
        }
        assertThat(project.versionRows()).containsExactly("b2b2b2b2b2b2");
    }

    @Test
    void theTimeoutComesFromTheVariableOrRetortPropertiesWhenTheFlagIsNotGiven() throws Exception {
        Project project = new Project(folder).linear();
        project.run("upgrade", "a1a1a1a1a1a1");
        try (Connection holder = DriverManager.getConnection(project.url());
             MigrationLock lock = Dialects.detect(holder).lock(holder, "PUBLIC", "retort_version", Duration.ofSeconds(5))) {
            Cli.Result fromVariable = new Cli(folder).env("RETORT_URL", project.url()).env("RETORT_LOCK_TIMEOUT", "PT0.2S")
                    .run("upgrade");
            assertThat(fromVariable.errLine()).startsWith("FAILED: Timed out after 200ms");

            Files.writeString(folder.resolve("retort.properties"), "lock-timeout=300ms\n");
            assertThat(project.run("upgrade").errLine()).startsWith("FAILED: Timed out after 300ms");
            // The flag wins over the variable, which wins over the file; a bad value in a source
            // that is not used is never read.
            Cli.Result flagWins = new Cli(folder).env("RETORT_URL", project.url()).env("RETORT_LOCK_TIMEOUT", "soon")
                    .run("upgrade", "--lock-timeout", "100ms");
            assertThat(flagWins.errLine()).startsWith("FAILED: Timed out after 100ms");
        }
    }

    @Test
    void onPostgresqlTheAdvisoryLockTimesOutAfterTheGivenTime() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            Project project = new Project(folder, database.url()).linear();
            try (Connection holder = database.connect();
                 MigrationLock lock = Dialects.detect(holder).lock(holder, database.schema(), "retort_version",
                         Duration.ofSeconds(5))) {
                long start = System.nanoTime();
                Cli.Result result = project.run("upgrade", "--lock-timeout", "1s");
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ERROR);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
                assertThat(result.errLine()).startsWith("FAILED: Timed out after 1s waiting for the migration lock of schema '"
                        + database.schema() + "'").contains("--lock-timeout");
            }
            assertThat(project.versionRows()).isEmpty();
        }
    }

    @Test
    void aBadFlagValueIsAUsageErrorNamingTheOptionTheValueAndWhatIsExpected() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("upgrade", "--lock-timeout", "soon");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo("retort upgrade: error: Invalid value for option '--lock-timeout': "
                + "'soon' is not a duration; expected a duration such as 30s, 500ms, 2m or PT30S (zero or positive; "
                + "a number without a unit is milliseconds, as in Spring Boot) (see 'retort upgrade --help')");
        assertThat(project.run("stamp", "head", "--lock-timeout", "-5s").errLine())
                .contains("'--lock-timeout': '-5s' is negative; expected a duration");
        assertThat(project.run("repair", "--lock-timeout", "5x").errLine())
                .contains("'--lock-timeout': '5x' has an unknown unit 'x'; use ns, us, ms, s, m, h or d");

        Cli.Result json = project.run("downgrade", "base", "--lock-timeout", "1.5s", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("UsageError");
        assertThat(error.get("message").asString()).startsWith("Invalid value for option '--lock-timeout': '1.5s'");
        assertThat(project.tables()).isEmpty();
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.cli().env("RETORT_LOCK_TIMEOUT", "a minute").run("upgrade");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).isEqualTo("FAILED: Invalid lock timeout from RETORT_LOCK_TIMEOUT: 'a minute' is not "
                + "a duration; expected a duration such as 30s, 500ms, 2m or PT30S (zero or positive; a number without "
                + "a unit is milliseconds, as in Spring Boot).");
        assertThat(project.tables()).isEmpty();
    }

    @Test
    void commandsThatTakeNoLockDoNotAcceptTheOption() {
        Cli.Result result = new Project(folder).linear().run("current", "--lock-timeout", "1s");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo("retort current: error: Unknown options: '--lock-timeout', '1s' "
                + "--lock-timeout is an option of upgrade, downgrade, stamp and repair only. (see 'retort current --help')");
        Cli.Result beforeTheCommand = new Cli(folder).run("--lock-timeout", "1s", "upgrade");
        assertThat(beforeTheCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(beforeTheCommand.errLine()).contains("--lock-timeout is an option of upgrade, downgrade, stamp and "
                + "repair only, given after the command name.");
    }
}
