package dev.retort.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import dev.retort.boot.RetortMigrationStrategy;
import dev.retort.boot.support.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * While the start-up migration runs, the service is alive but not ready: Kubernetes keeps
 * it out of the load balancer. The migration is held on a latch (a strategy that waits,
 * then upgrades), so the test can look at the service mid-run.
 */
class ReadinessDuringMigrationTest {

    static final CountDownLatch MIGRATION_STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE_MIGRATION = new CountDownLatch(1);

    @Test
    void readinessIsRefusedWhileMigratingAndAcceptedAfter() throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                SpringApplication.run(SlowMigrationApp.class,
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--management.endpoints.web.exposure.include=health,migrations",
                        "--management.endpoint.health.show-details=always"));
        ConfigurableApplicationContext context = null;
        try {
            assertThat(MIGRATION_STARTED.await(60, TimeUnit.SECONDS)).as("migration started").isTrue();
            Http http = new Http(port);

            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
            Http.Response health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode migrations = health.json().get("components").get("migrations");
            assertThat(migrations.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(migrations.get("details").get("state").asString()).isEqualTo("MIGRATING");
            JsonNode engine = http.get("/actuator/migrations").json().get("engines").get("retort");
            assertThat(engine.get("state").asString()).isEqualTo("MIGRATING");
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("RUNNING");
            assertThat(engine.get("lastRun").get("durationMs").isNull()).isTrue();
            assertThat(started).isNotDone();

            RELEASE_MIGRATION.countDown();
            context = started.get(60, TimeUnit.SECONDS);

            assertThat(awaitStatus(http, "/actuator/health/readiness", status -> status == 200)).isEqualTo(200);
            JsonNode after = http.get("/actuator/migrations").json().get("engines").get("retort");
            assertThat(after.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(after.get("lastRun").get("status").asString()).isEqualTo("SUCCEEDED");
        }
        finally {
            RELEASE_MIGRATION.countDown();
            if (context == null && !started.isCompletedExceptionally()) {
                context = started.get(60, TimeUnit.SECONDS);
            }
            if (context != null) {
                context.close();
            }
        }
    }

    static int awaitStatus(Http http, String path, IntPredicate done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = http.get(path).status();
        while (!done.test(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = http.get(path).status();
        }
        return status;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SlowMigrationApp {

        @Bean
        RetortMigrationStrategy waitThenUpgrade() {
            return (Retort retort) -> {
                MIGRATION_STARTED.countDown();
                try {
                    if (!RELEASE_MIGRATION.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test never released the migration");
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                retort.upgrade("head");
            };
        }
    }
}
