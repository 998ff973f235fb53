package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool: cli/bin/retort finds cli/target/retort-cli-*-all.jar, runs it, and passes
 * arguments and exit codes through; the jar brings its JDBC drivers.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "retort").toAbsolutePath();

    @TempDir
    Path folder;

    private record Outcome(int exitCode, String output) {
    }

    private Outcome retort(Path launcher, String... args) throws IOException, InterruptedException {
        return retort(launcher, Map.of(), args);
    }

    private Outcome retort(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove("RETORT_JAR");
        builder.environment().remove("RETORT_URL");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    private Outcome retort(String... args) throws IOException, InterruptedException {
        return retort(LAUNCHER, args);
    }

    @Test
    void theLauncherRunsTheJarAndPassesTheExitCodeThrough() throws Exception {
        Outcome version = retort("--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).startsWith("retort ").doesNotContain("unknown");
        assertThat(retort("upgrayedd").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(retort("current").exitCode()).isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void theLauncherStartsAShortLivedJvmAndJavaOptsComeLastSoTheyWin() throws Exception {
        Outcome defaults = retort(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");
        assertThat(defaults.exitCode()).as(defaults.output()).isZero();
        assertThat(defaults.output()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        Outcome own = retort(LAUNCHER, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintCommandLineFlags"),
                "--version");
        assertThat(own.output()).contains("-XX:TieredStopAtLevel=4").doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aLinkToTheLauncherFindsTheJarToo() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("retort-link"), LAUNCHER);
        assertThat(retort(link, "--help").output()).contains("Usage: retort");
    }

    @Test
    void theJarMigratesH2OutOfTheBoxAndCheckExitsWithThree() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
        assertThat(retort("init", "--url", url).exitCode()).isZero();
        Path migrations = folder.resolve("src/main/resources/db/migrations");
        Files.writeString(migrations.resolve("a1_people.sql"), """
                -- revision: a1
                -- revises: base
                -- message: people

                -- +upgrade
                CREATE TABLE people (id INT PRIMARY KEY);

                -- +downgrade
                DROP TABLE people;
                """);
        Outcome upgrade = retort("upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("Running upgrade  -> a1, people").doesNotContain("SLF4J");
        assertThat(retort("check").exitCode()).isZero();
        Outcome revision = retort("revision", "-m", "next");
        assertThat(revision.exitCode()).as(revision.output()).isZero();
        assertThat(retort("check").exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void theJarCarriesThePostgresqlAndMariadbDrivers() throws Exception {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(folder.resolve("m/a1_t.sql"), """
                -- revision: a1
                -- revises: base
                -- message: t

                -- +upgrade
                CREATE TABLE t (id INT);

                -- +downgrade
                DROP TABLE t;
                """);
        try (TestDatabase postgres = TestDatabase.postgres(); TestDatabase mariadb = TestDatabase.mariadb()) {
            for (TestDatabase database : List.of(postgres, mariadb)) {
                Outcome upgrade = retort("upgrade", "--locations", "m", "--url", database.url());
                assertThat(upgrade.exitCode()).as(database + ": " + upgrade.output()).isZero();
                Outcome current = retort("current", "--locations", "m", "--url", database.url());
                assertThat(current.output().strip()).as(database.toString()).isEqualTo("a1 (head)");
            }
        }
    }

    @Test
    void theMariadbDriversOwnWarningStaysOutOfTheOutputUnlessVerbose() throws Exception {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(folder.resolve("m/a1_t.sql"), """
                -- revision: a1
                -- revises: base
                -- message: reads a table that is not there

                -- +upgrade
                INSERT INTO missing_table VALUES (1);

                -- +downgrade
                SELECT 1;
                """);
        try (TestDatabase mariadb = TestDatabase.mariadb()) {
            Outcome quiet = retort("upgrade", "--locations", "m", "--url", mariadb.url());
            assertThat(quiet.exitCode()).as(quiet.output()).isEqualTo(ExitCodes.ERROR);
            assertThat(quiet.output()).contains("FAILED: ").contains("missing_table").doesNotContain("WARNING: Error: 1146");
            Outcome verbose = retort("upgrade", "--locations", "m", "--url", mariadb.url(), "--verbose");
            assertThat(verbose.exitCode()).as(verbose.output()).isEqualTo(ExitCodes.ERROR);
            assertThat(verbose.output()).contains("WARNING: Error: 1146", "FAILED: ");
        }
    }
}
