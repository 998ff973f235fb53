package dev.retort.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.boot.actuate.RetortMetrics;
import dev.retort.boot.support.Http;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A running service that migrated itself at start-up, seen over HTTP as an operator sees it.
 * Subclasses choose the database.
 */
abstract class AbstractRunningServiceTests {

    static final String PASSWORD = "Tr1cky-Secret-42";
    static final List<String> REVISIONS = List.of("1a2b3c4d5e6f", "2b3c4d5e6f70", "3c4d5e6f7081");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    abstract String expectedDatabasePrefix();

    abstract String expectedSchema();

    Http http() {
        return new Http(port);
    }

    @Test
    void migrationsEndpointShowsTheDatabaseAtHeadAndWhatTheStartUpRunDid() {
        Http.Response response = http().get("/actuator/migrations");
        assertThat(response.status()).isEqualTo(200);
        JsonNode engine = response.json().get("engines").get("retort");
        assertThat(fieldNames(engine)).containsExactlyInAnyOrder("database", "schema", "versionTable", "state",
                "upToDate", "current", "heads", "pending", "revisionCount", "lastRun", "error", "statusReadAt");
        assertThat(engine.get("error").isNull()).as("error of a readable database").isTrue();
        // Read for this request: after the start-up run, and not after the answer came.
        assertThat(Instant.parse(engine.get("statusReadAt").asString()))
                .isAfter(Instant.parse(engine.get("lastRun").get("startedAt").asString()))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(engine.get("database").asString()).startsWith(expectedDatabasePrefix());
        assertThat(engine.get("schema").asString()).isEqualToIgnoringCase(expectedSchema());
        assertThat(engine.get("versionTable").asString()).isEqualTo("retort_version");
        assertThat(engine.get("state").asString()).isEqualTo("UP_TO_DATE");
        assertThat(engine.get("upToDate").asBoolean()).isTrue();
        assertThat(strings(engine.get("current"))).containsExactly("3c4d5e6f7081");
        assertThat(strings(engine.get("heads"))).containsExactly("3c4d5e6f7081");
        assertThat(engine.get("pending").isArray()).isTrue();
        assertThat(engine.get("pending").size()).isZero();
        assertThat(engine.get("revisionCount").asInt()).isEqualTo(3);

        JsonNode lastRun = engine.get("lastRun");
        assertThat(fieldNames(lastRun)).containsExactlyInAnyOrder("operation", "target", "status", "startedAt",
                "durationMs", "applied", "error");
        assertThat(lastRun.get("operation").asString()).isEqualTo("upgrade");
        assertThat(lastRun.get("target").asString()).isEqualTo("head");
        assertThat(lastRun.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(Instant.parse(lastRun.get("startedAt").asString())).isBefore(Instant.now());
        assertThat(lastRun.get("durationMs").asLong()).isNotNegative();
        assertThat(strings(lastRun.get("applied"))).containsExactlyElementsOf(REVISIONS);
        assertThat(lastRun.get("error").isNull()).isTrue();
    }

    @Test
    void revisionEndpointShowsOneRevisionsDetails() {
        Http.Response response = http().get("/actuator/migrations/2b3c4d5e6f70");
        assertThat(response.status()).isEqualTo(200);
        JsonNode revision = response.json();
        assertThat(fieldNames(revision)).containsExactlyInAnyOrder("revision", "message", "revises", "dependsOn",
                "branchLabels", "location", "checksum", "applied", "appliedAt", "error");
        assertThat(revision.get("error").isNull()).isTrue();
        assertThat(revision.get("revision").asString()).isEqualTo("2b3c4d5e6f70");
        assertThat(revision.get("message").asString()).isEqualTo("add status to data_products");
        assertThat(strings(revision.get("revises"))).containsExactly("1a2b3c4d5e6f");
        assertThat(strings(revision.get("dependsOn"))).isEmpty();
        assertThat(strings(revision.get("branchLabels"))).containsExactly("catalog");
        assertThat(revision.get("location").asString()).endsWith("2b3c4d5e6f70_add_status.sql");
        assertThat(revision.get("checksum").asString()).matches("[0-9a-f]{64}");
        assertThat(revision.get("applied").asBoolean()).isTrue();
        assertThat(Instant.parse(revision.get("appliedAt").asString())).isBefore(Instant.now());
    }

    @Test
    void revisionEndpointAnswers404ForARevisionThisBuildDoesNotHave() {
        assertThat(http().get("/actuator/migrations/ffffffffffff").status()).isEqualTo(404);
    }

    @Test
    void healthShowsMigrationsUpAndTheServiceReady() {
        Http.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode migrations = health.json().get("components").get("migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("UP");
        assertThat(migrations.get("details").get("state").asString()).isEqualTo("UP_TO_DATE");
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void neitherEndpointNorHealthShowTheDatabasePassword() {
        assertThat(http().get("/actuator/migrations").body()).doesNotContain(PASSWORD);
        assertThat(http().get("/actuator/migrations/1a2b3c4d5e6f").body()).doesNotContain(PASSWORD);
        assertThat(http().get("/actuator/health").body()).doesNotContain(PASSWORD);
    }

    @Test
    void metricsTimeEachAppliedRevisionAndCountPendingOnes() {
        for (String revision : REVISIONS) {
            Timer timer = meterRegistry.find(RetortMetrics.MIGRATION_TIMER)
                    .tag("revision", revision).tag("outcome", "success").timer();
            assertThat(timer).as("timer for %s", revision).isNotNull();
            assertThat(timer.count()).isEqualTo(1);
        }
        assertThat(meterRegistry.get(RetortMetrics.PENDING_GAUGE).gauge().value()).isZero();
    }

    static Set<String> fieldNames(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asString()));
        return values;
    }
}
