package dev.retort.boot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.boot.actuate.RetortMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code retort.*} property a page or the sample app shows is one the starter really
 * has (its generated configuration metadata says so), and every property of the metadata is
 * in the reference page docs/configuration.md with the default the metadata gives.
 */
class DocumentedPropertiesTest {

    /** Surefire runs in the module's folder, so the repository root is one up. */
    private static final Path ROOT = Path.of("..");
    private static final Path CONFIGURATION_PAGE = ROOT.resolve("docs").resolve("configuration.md");

    /**
     * {@code retort.<name>} not preceded by a word character, a dot, a $ or a slash (so
     * {@code dev.retort.graph} and {@code /actuator/metrics/retort.x} are not read as
     * properties) and not followed by {@code (} (a method call on a variable named retort).
     */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w.$/])retort\\.([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*)(?![\\w(-])");
    /** In Java code only string literals that set a property count ({@code "retort.enabled=false"}). */
    private static final Pattern JAVA_PROPERTY_LITERAL = Pattern.compile("\"(retort\\.[a-z][a-z0-9.-]*)=");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]*)` \\| (.*?) \\|", Pattern.MULTILINE);

    /**
     * Names that look like starter properties but are not: the CLI's settings file and the meter
     * names the starter registers.
     */
    private static final Set<String> NOT_PROPERTIES = Set.of("retort.properties",
            RetortMetrics.MIGRATION_TIMER, RetortMetrics.PENDING_GAUGE);

    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void readTheStartersMetadata() throws IOException {
        metadata = new LinkedHashMap<>();
        JsonMapper mapper = JsonMapper.builder().build();
        // Spring Boot's own jars carry metadata files too; the starter's is the one that has retort.*.
        for (URL url : Collections.list(DocumentedPropertiesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode root = mapper.readTree(in);
                boolean ours = false;
                for (JsonNode property : root.path("properties")) {
                    ours |= property.path("name").asString().startsWith("retort.");
                }
                if (ours) {
                    root.path("properties").forEach(p -> metadata.put(p.path("name").asString(), p));
                }
            }
        }
        assertThat(metadata).as("the starter's configuration metadata on the test class path").containsKey("retort.enabled");
    }

    @Test
    void everyRetortPropertyMentionedInTheReadmeAndTheDocsExists() throws IOException {
        List<String> unknown = new ArrayList<>();
        int mentions = 0;
        for (Path page : pages()) {
            for (Mention mention : mentions(page)) {
                mentions++;
                if (!metadata.containsKey(mention.property())) {
                    unknown.add(mention.toString());
                }
            }
        }
        assertThat(mentions).as("retort.* mentions found in the pages").isGreaterThan(50);
        assertThat(unknown).as("retort.* names in the docs that the starter does not have").isEmpty();
    }

    @Test
    void everyPropertyOfTheStarterIsInTheConfigurationReferenceWithItsDefault() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(CONFIGURATION_PAGE));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented.keySet()).as("properties with a row in docs/configuration.md")
                .containsAll(metadata.keySet());
        for (Map.Entry<String, JsonNode> property : metadata.entrySet()) {
            JsonNode defaultValue = property.getValue().get("defaultValue");
            String cell = documented.get(property.getKey());
            if (defaultValue == null) {
                // No default in the metadata: the page says what happens without the property.
                assertThat(cell).as(property.getKey()).doesNotStartWith("`");
            } else {
                String expected = defaultValue.isArray() ? join(defaultValue) : defaultValue.asString();
                // Enum defaults appear as constant names (read_only); the page shows the property value (read-only).
                assertThat(cell.replace("`", "")).as("default of " + property.getKey() + " in docs/configuration.md")
                        .isIn(expected, expected.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
    }

    @Test
    void everyRetortKeyInTheSampleAppsPropertiesExists() throws IOException {
        Path resources = ROOT.resolve("sample-app").resolve("src").resolve("main").resolve("resources");
        List<Path> files;
        try (Stream<Path> list = Files.list(resources)) {
            files = list.filter(p -> p.getFileName().toString().matches("application.*\\.properties")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Set<String> keys = new TreeSet<>();
        for (Path file : files) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("retort.")).forEach(keys::add);
        }
        assertThat(keys).as("retort.* keys of the sample app").isNotEmpty();
        assertThat(metadata.keySet()).as("the starter's properties").containsAll(keys);
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asString()));
        return String.join(",", items);
    }

    /** README.md and every page of docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<Mention> mentions(Path page) throws IOException {
        List<Mention> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).trim() : null;
                continue;
            }
            Matcher matcher = "java".equals(fence) ? JAVA_PROPERTY_LITERAL.matcher(line) : MENTION.matcher(line);
            while (matcher.find()) {
                String name = "java".equals(fence) ? matcher.group(1) : "retort." + matcher.group(1);
                if (!NOT_PROPERTIES.contains(name)) {
                    found.add(new Mention(page.getFileName() + " line " + (i + 1), name));
                }
            }
        }
        return found;
    }

    private record Mention(String where, String property) {
        @Override
        public String toString() {
            return property + " (" + where + ")";
        }
    }
}
