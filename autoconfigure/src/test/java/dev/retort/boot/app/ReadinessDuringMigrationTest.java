package dev.retort.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.boot.support.Http;
import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * While the start-up migration runs, the service is alive but not ready: Kubernetes keeps
 * it out of the load balancer. The run is held inside the engine, with the migration lock
 * taken and the first revision applied (a listener waits on a latch), so the test can look
 * at the service mid-run, on H2 and on PostgreSQL.
 */
class ReadinessDuringMigrationTest {

    static volatile CountDownLatch migrationStarted;
    static volatile CountDownLatch releaseMigration;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void readinessIsRefusedWhileMigratingAndAcceptedAfter(TestDatabase.Kind kind) throws Exception {
        migrationStarted = new CountDownLatch(1);
        releaseMigration = new CountDownLatch(1);
        if (kind == TestDatabase.Kind.H2) {
            // Spring Boot connects to an embedded H2 as "sa", which TestDatabase's H2 does not.
            readinessIsRefusedWhileMigratingAndAcceptedAfter("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return;
        }
        try (TestDatabase database = TestDatabase.of(kind)) {
            readinessIsRefusedWhileMigratingAndAcceptedAfter(database.url());
        }
    }

    private void readinessIsRefusedWhileMigratingAndAcceptedAfter(String url) throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                SpringApplication.run(SlowMigrationApp.class,
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        "--management.endpoints.web.exposure.include=health,migrations",
                        "--management.endpoint.health.show-details=always"));
        ConfigurableApplicationContext context = null;
        try {
            assertThat(migrationStarted.await(60, TimeUnit.SECONDS)).as("migration started").isTrue();
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
            JsonNode running = engine.get("lastRun");
            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.get("operation").asString()).isEqualTo("upgrade");
            assertThat(running.get("durationMs").isNull()).isTrue();
            assertThat(AbstractRunningServiceTests.strings(running.get("applied"))).containsExactly("1a2b3c4d5e6f");
            assertThat(started).isNotDone();

            releaseMigration.countDown();
            context = started.get(60, TimeUnit.SECONDS);

            assertThat(awaitStatus(http, "/actuator/health/readiness", status -> status == 200)).isEqualTo(200);
            JsonNode after = http.get("/actuator/migrations").json().get("engines").get("retort");
            assertThat(after.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(after.get("lastRun").get("status").asString()).isEqualTo("SUCCEEDED");
        }
        finally {
            releaseMigration.countDown();
            if (context == null && !started.isCompletedExceptionally()) {
                context = started.get(60, TimeUnit.SECONDS);
            }
            if (context != null) {
                context.close();
            }
        }
    }

    /**
     * A first run that holds every connection of a small pool (H2's run needs two, one for its
     * lock; PostgreSQL's one) leaves the endpoint no way to read a status: it says so in
     * {@code error} (the pool's own words), the heads and the revision count still come from
     * the migration files, and what only the database knows is null rather than an empty list
     * (or the run's check before migrating) that looks like an answer.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void aFirstRunHoldingEveryPooledConnectionStillShowsTheHeadsAndRevisionCount(TestDatabase.Kind kind)
            throws Exception {
        migrationStarted = new CountDownLatch(1);
        releaseMigration = new CountDownLatch(1);
        if (kind == TestDatabase.Kind.H2) {
            aFirstRunHoldingEveryPooledConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", 2);
            return;
        }
        try (TestDatabase database = TestDatabase.of(kind)) {
            aFirstRunHoldingEveryPooledConnection(database.url(), 1);
        }
    }

    private void aFirstRunHoldingEveryPooledConnection(String url, int poolSize) throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                SpringApplication.run(SlowMigrationApp.class,
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                        "--spring.datasource.hikari.connection-timeout=250",
                        "--management.endpoints.web.exposure.include=health,migrations",
                        "--management.endpoint.health.show-details=always"));
        ConfigurableApplicationContext context = null;
        try {
            assertThat(migrationStarted.await(60, TimeUnit.SECONDS)).as("migration started").isTrue();
            Http http = new Http(port);

            Http.Response response = http.get("/actuator/migrations");
            // Nothing could be read: 503, as for any unreadable database, while the state says why.
            assertThat(response.status()).isEqualTo(503);
            JsonNode engine = response.json().get("engines").get("retort");
            assertThat(engine.get("state").asString()).isEqualTo("MIGRATING");
            assertThat(engine.get("error").asString()).startsWith("Cannot read the migration status: ")
                    .contains("Connection is not available");
            assertThat(AbstractRunningServiceTests.strings(engine.get("heads"))).containsExactly("3c4d5e6f7081");
            assertThat(engine.get("revisionCount").asInt()).isEqualTo(3);
            assertThat(engine.get("versionTable").asString()).isEqualTo("retort_version");
            for (String unknown : new String[] { "database", "upToDate", "current", "pending" }) {
                assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
            }
            // The run's own check before migrating was the last reading.
            assertThat(Instant.parse(engine.get("statusReadAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(engine.get("lastRun").get("startedAt").asString()));
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("RUNNING");
            assertThat(AbstractRunningServiceTests.strings(engine.get("lastRun").get("applied")))
                    .containsExactly("1a2b3c4d5e6f");
            JsonNode health = http.get("/actuator/health").json().get("components").get("migrations");
            assertThat(health.get("details").get("state").asString()).isEqualTo("MIGRATING");

            releaseMigration.countDown();
            context = started.get(60, TimeUnit.SECONDS);

            JsonNode after = http.get("/actuator/migrations").json().get("engines").get("retort");
            assertThat(after.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(AbstractRunningServiceTests.strings(after.get("current"))).containsExactly("3c4d5e6f7081");
            assertThat(after.get("revisionCount").asInt()).isEqualTo(3);
        }
        finally {
            releaseMigration.countDown();
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

        /** Holds the run after the first revision: lock taken, one revision applied. */
        @Bean
        MigrationListener holdAfterFirstRevision() {
            return new MigrationListener() {
                @Override
                public void revisionApplied(AppliedRevision revision) {
                    if (migrationStarted.getCount() == 0) {
                        return;
                    }
                    migrationStarted.countDown();
                    try {
                        if (!releaseMigration.await(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("test never released the migration");
                        }
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ex);
                    }
                }
            };
        }
    }
}
