package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The properties' defaults are core's, and IDEs get a description and default for each. */
class RetortPropertiesTest {

    private final RetortProperties properties = new RetortProperties();

    @Test
    void defaultsAreTheEnginesDefaults() throws Exception {
        Retort.Builder builder = Retort.builder();
        Retort retort = builder.build();
        assertThat(properties.getLocations()).isEqualTo(retort.locations());
        assertThat(properties.getSchema()).isEqualTo(retort.schema());
        assertThat(properties.getVersionTable()).isEqualTo(retort.versionTable());
        assertThat(properties.getHistoryTable()).isEqualTo(retort.historyTable());
        assertThat(properties.getTransactionMode()).isEqualTo(retort.transactionMode());
        // The engine exposes these two only on its builder.
        assertThat(properties.getLockTimeout()).isEqualTo((Duration) builderField(builder, "lockTimeout"));
        assertThat(properties.isValidateChecksums()).isEqualTo((boolean) builderField(builder, "validateChecksums"));
        assertThat(properties.getBaselineRevision()).isEqualTo(builderField(builder, "baselineRevision"));
    }

    @Test
    void defaultsOfTheStartUpBehaviourAreTheDocumentedOnes() {
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getTarget()).isEqualTo("head");
        assertThat(properties.getRunAt()).isEqualTo(RetortProperties.RunAt.READY);
        assertThat(properties.getOnFailure()).isEqualTo(RetortProperties.OnFailure.FAIL);
        assertThat(properties.getUrl()).isNull();
        assertThat(properties.getUser()).isNull();
        assertThat(properties.getPassword()).isNull();
    }

    @Test
    void configurationMetadataDescribesEveryProperty() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (!name.startsWith("retort.")) {
                continue;
            }
            names.add(name);
            assertThat(property.get("description")).as("description of %s", name).isNotNull();
            assertThat(property.get("description").asString()).as("description of %s", name).isNotBlank();
        }
        assertThat(names).containsExactlyInAnyOrder("retort.enabled", "retort.locations", "retort.target",
                "retort.run-at", "retort.url", "retort.user", "retort.password", "retort.schema", "retort.dialect",
                "retort.version-table", "retort.history-table", "retort.transaction-mode",
                "retort.validate-checksums", "retort.lock-timeout", "retort.baseline-revision", "retort.on-failure");
        assertThat(defaultOf(metadata, "retort.locations").get(0).asString()).isEqualTo("classpath:db/migrations");
        assertThat(defaultOf(metadata, "retort.lock-timeout").asString()).isEqualTo("60s");
        assertThat(defaultOf(metadata, "retort.run-at").asString()).isEqualTo("ready");
        assertThat(defaultOf(metadata, "retort.transaction-mode").asString()).isEqualTo("per-migration");
    }

    private static JsonNode defaultOf(JsonNode metadata, String name) {
        for (JsonNode property : metadata.get("properties")) {
            if (property.get("name").asString().equals(name)) {
                return property.get("defaultValue");
            }
        }
        throw new AssertionError("no metadata for " + name);
    }

    private static Object builderField(Retort.Builder builder, String name) throws ReflectiveOperationException {
        Field field = Retort.Builder.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(builder);
    }
}
