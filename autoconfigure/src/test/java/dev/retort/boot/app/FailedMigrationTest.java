package dev.retort.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.MigrationException;
import dev.retort.boot.support.Http;
import dev.retort.boot.support.MigrationFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A migration that fails: with on-failure=fail the service does not start; with continue it runs, unready. */
@ExtendWith(OutputCaptureExtension.class)
class FailedMigrationTest {

    @TempDir
    Path folder;

    private MigrationFiles brokenSecondRevision() {
        return MigrationFiles.in(folder)
                .revision("aa01", "base", "create orders", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;")
                .revision("aa02", "aa01", "broken statement", "ALTER TABLE no_such_table ADD COLUMN x INT;", "");
    }

    @Test
    void onFailureContinueKeepsTheServiceUpButNotReadyAndReportsTheFailure() throws Exception {
        MigrationFiles files = brokenSecondRevision();
        int port = ReadinessDuringMigrationTest.freePort();
        try (ConfigurableApplicationContext context = SpringApplication.run(WebApp.class,
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retort.locations=" + files.location(),
                "--retort.on-failure=continue",
                "--management.endpoints.web.exposure.include=health,migrations",
                "--management.endpoint.health.show-details=always")) {
            assertThat(context.isRunning()).isTrue();
            Http http = new Http(port);
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);

            JsonNode migrations = http.get("/actuator/health").json().get("components").get("migrations");
            assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
            assertThat(migrations.get("details").get("state").asString()).isEqualTo("FAILED");
            assertThat(migrations.get("details").get("error").asString()).contains("aa02");

            JsonNode engine = http.get("/actuator/migrations").json().get("engines").get("retort");
            assertThat(engine.get("state").asString()).isEqualTo("FAILED");
            assertThat(engine.get("upToDate").asBoolean()).isFalse();
            assertThat(AbstractRunningServiceTests.strings(engine.get("current"))).containsExactly("aa01");
            assertThat(engine.get("pending").get(0).get("revision").asString()).isEqualTo("aa02");
            assertThat(engine.get("pending").get(0).get("message").asString()).isEqualTo("broken statement");
            assertThat(AbstractRunningServiceTests.strings(engine.get("pending").get(0).get("revises")))
                    .containsExactly("aa01");
            JsonNode lastRun = engine.get("lastRun");
            assertThat(lastRun.get("status").asString()).isEqualTo("FAILED");
            assertThat(lastRun.get("error").asString()).contains("aa02");
            assertThat(AbstractRunningServiceTests.strings(lastRun.get("applied"))).containsExactly("aa01");
        }
    }

    @Test
    void onFailureFailStopsStartUpWithTheEnginesErrorAndAnAction(CapturedOutput output) {
        MigrationFiles files = brokenSecondRevision();
        assertThatThrownBy(() -> SpringApplication.run(WebApp.class,
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retort.locations=" + files.location()))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("aa02");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Retort could not migrate the database")
                .contains("aa02")
                .contains("retort.on-failure=continue");
    }

    @Test
    void aFailedStartUpExitsTheProcessWithANonZeroStatus() throws Exception {
        MigrationFiles files = brokenSecondRevision();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WebApp.class.getName());
        command.add("--spring.main.web-application-type=none");
        command.add("--spring.datasource.url=jdbc:h2:mem:exit-code");
        command.add("--retort.locations=" + files.location());
        // Output to a file, not a pipe: a full pipe would block the child.
        Path log = folder.resolve("process.log");
        Process process = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("process exited; output:%n%s", out).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", out).isNotZero();
        assertThat(out).contains("APPLICATION FAILED TO START").contains("aa02");
    }
}
