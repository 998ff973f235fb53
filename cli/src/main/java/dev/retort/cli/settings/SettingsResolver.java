package dev.retort.cli.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Resolves the CLI's settings. For each setting the first source that has a value wins:
 * <ol>
 *   <li>the flag ({@code --url}, ...);</li>
 *   <li>the environment variable ({@code RETORT_URL}, ...);</li>
 *   <li>{@code retort.properties} in the working folder;</li>
 *   <li>the project's {@code src/main/resources/application.properties} (or {@code .yml} /
 *       {@code .yaml}): {@code retort.*}, then {@code spring.datasource.*};</li>
 *   <li>for {@code locations} only, the default {@value #DEFAULT_LOCATION}.</li>
 * </ol>
 * Locations without a prefix are folders relative to the working folder and become
 * absolute {@code filesystem:} locations; {@code classpath:} locations are kept. The lock
 * timeout is parsed as Spring Boot parses {@code retort.lock-timeout} ({@link Durations}).
 */
public final class SettingsResolver {

    public static final String PROPERTIES_FILE = "retort.properties";
    public static final String DEFAULT_LOCATION = "src/main/resources/db/migrations";
    public static final String RESOURCES_FOLDER = "src/main/resources";

    /** The setting keys, as written in retort.properties and after {@code retort.} in application.properties. */
    public static final List<String> KEYS = List.of("url", "user", "password", "schema", "locations", "dialect",
            "version-table", "history-table", "lock-timeout");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private final Path workingDirectory;
    private final Map<String, String> environment;

    public SettingsResolver(Path workingDirectory, Map<String, String> environment) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable for a setting key: {@code version-table} -> {@code RETORT_VERSION_TABLE}. */
    public static String variableName(String key) {
        return "RETORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Resolves every setting.
     *
     * @param flags values given on the command line, keyed by setting key ({@code url}, {@code version-table}, ...);
     *              absent or null when not given
     */
    public Settings resolve(Map<String, String> flags) {
        List<Source> sources = List.of(flagSource(flags), environmentSource(), propertiesFileSource(), applicationSource());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String key : KEYS) {
            for (Source source : sources) {
                String value = source.value(key);
                if (value != null) {
                    values.put(key, value);
                    origins.put(key, source.describe(key));
                    break;
                }
            }
        }
        String locationOrigin = origins.getOrDefault("locations", "default");
        List<String> locations = normalizeLocations(values.getOrDefault("locations", DEFAULT_LOCATION), locationOrigin);
        origins.putIfAbsent("locations", locationOrigin);
        return new Settings(values.get("url"), values.get("user"), values.get("password"), values.get("schema"),
                locations, dialect(values.get("dialect"), origins.get("dialect")), values.get("version-table"),
                values.get("history-table"), lockTimeout(values.get("lock-timeout"), origins.get("lock-timeout")), origins);
    }

    /** The lock timeout, null when no source sets it (the engine's default applies then). */
    private static Duration lockTimeout(String value, String origin) {
        if (value == null) {
            return null;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Invalid lock timeout from " + origin + ": " + e.getMessage() + ".");
        }
    }

    /**
     * The dialect in lower case, null when no source sets it (detected from the connection then).
     * A flag was checked when the command line was parsed (a usage error); a bad value from the
     * other sources stops every command here, as a bad lock timeout does.
     */
    private static String dialect(String value, String origin) {
        if (value == null) {
            return null;
        }
        try {
            DialectNames.check(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Invalid dialect from " + origin + ": " + e.getMessage() + ".");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * Turns a comma list of locations into engine locations: {@code classpath:} kept,
     * {@code filesystem:} and bare folders made absolute against the working folder.
     */
    public List<String> normalizeLocations(String commaList, String origin) {
        List<String> result = new ArrayList<>();
        for (String raw : commaList.split(",")) {
            String location = raw.trim();
            if (location.isEmpty()) {
                continue;
            }
            if (location.startsWith("classpath:")) {
                result.add(location);
            } else if (location.startsWith("filesystem:")) {
                result.add("filesystem:" + absolute(location.substring("filesystem:".length())));
            } else if (location.contains(":") && !WINDOWS_DRIVE.matcher(location).matches()) {
                throw new SettingsException("Location '" + location + "' (from " + origin + ") has an unknown prefix '"
                        + location.substring(0, location.indexOf(':') + 1)
                        + "'; use a folder, 'filesystem:<folder>' or 'classpath:<path>'.");
            } else {
                result.add("filesystem:" + absolute(location));
            }
        }
        if (result.isEmpty()) {
            throw new SettingsException("No migration locations given (from " + origin
                    + "); give a comma-separated list of folders or classpath:/filesystem: locations.");
        }
        return List.copyOf(result);
    }

    private String absolute(String folder) {
        return workingDirectory.resolve(folder).toAbsolutePath().normalize().toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private interface Source {
        String value(String key);

        String describe(String key);
    }

    private static Source flagSource(Map<String, String> flags) {
        return new Source() {
            @Override
            public String value(String key) {
                return flags.get(key);
            }

            @Override
            public String describe(String key) {
                return "--" + key;
            }
        };
    }

    private Source environmentSource() {
        return new Source() {
            @Override
            public String value(String key) {
                // An empty variable counts as unset, as shells make "export RETORT_URL=" the way to clear it.
                return blankToNull(environment.get(variableName(key)));
            }

            @Override
            public String describe(String key) {
                return variableName(key);
            }
        };
    }

    private Source propertiesFileSource() {
        Path file = workingDirectory.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(file)) {
            return emptySource();
        }
        Properties properties = load(file);
        for (String name : properties.stringPropertyNames()) {
            if (!KEYS.contains(name)) {
                String nearest = nearest(name, KEYS);
                throw new SettingsException(file + ":" + lineOf(file, name) + ": unknown setting '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                        + " Known settings: " + String.join(", ", KEYS) + ".");
            }
        }
        return new Source() {
            @Override
            public String value(String key) {
                return blankToNull(properties.getProperty(key));
            }

            @Override
            public String describe(String key) {
                return PROPERTIES_FILE;
            }
        };
    }

    private Source applicationSource() {
        Path resources = workingDirectory.resolve(RESOURCES_FOLDER);
        Path file = null;
        Map<String, String> flat = null;
        // Spring Boot gives application.properties precedence over application.yml.
        for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
            Path candidate = resources.resolve(name);
            if (Files.isRegularFile(candidate)) {
                file = candidate;
                flat = name.endsWith(".properties") ? asMap(load(candidate)) : loadYaml(candidate);
                break;
            }
        }
        if (file == null) {
            return emptySource();
        }
        Path found = file;
        Map<String, String> properties = flat;
        String fileLabel = workingDirectory.relativize(found).toString();
        return new Source() {
            @Override
            public String value(String key) {
                String property = property(key);
                return property == null ? null : blankToNull(resolvePlaceholders(properties.get(property), property));
            }

            @Override
            public String describe(String key) {
                return fileLabel + " (" + property(key) + ")";
            }

            private String property(String key) {
                String own = "retort." + key;
                if (properties.containsKey(own)) {
                    return own;
                }
                String spring = switch (key) {
                    case "url" -> "spring.datasource.url";
                    // The credentials of the application's DataSource only go with its URL: with a
                    // separate retort.url they would belong to another account.
                    case "user" -> properties.containsKey("retort.url") ? null : "spring.datasource.username";
                    case "password" -> properties.containsKey("retort.url") ? null : "spring.datasource.password";
                    default -> null;
                };
                return spring != null && properties.containsKey(spring) ? spring : null;
            }

            private String resolvePlaceholders(String value, String property) {
                Matcher matcher = PLACEHOLDER.matcher(value);
                StringBuilder resolved = new StringBuilder();
                while (matcher.find()) {
                    String name = matcher.group(1).trim();
                    String replacement = environment.get(name);
                    if (replacement == null) {
                        replacement = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
                    }
                    if (replacement == null && properties.containsKey(name) && !properties.get(name).contains("${")) {
                        replacement = properties.get(name);
                    }
                    if (replacement == null) {
                        replacement = matcher.group(2);
                    }
                    if (replacement == null) {
                        throw new SettingsException(fileLabel + ": " + property + " refers to ${" + name
                                + "}, which is not set; set that environment variable, or give the setting with --"
                                + keyOf(property) + " or " + variableName(keyOf(property)) + ".");
                    }
                    matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
                }
                matcher.appendTail(resolved);
                return resolved.toString();
            }

            private String keyOf(String property) {
                if (property.startsWith("retort.")) {
                    return property.substring("retort.".length());
                }
                return property.endsWith("username") ? "user" : property.substring(property.lastIndexOf('.') + 1);
            }
        };
    }

    private static Source emptySource() {
        return new Source() {
            @Override
            public String value(String key) {
                return null;
            }

            @Override
            public String describe(String key) {
                return "";
            }
        };
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("Could not read " + file + ": " + e.getMessage());
        }
        return properties;
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    private static Map<String, String> loadYaml(Path file) {
        Map<String, String> flat = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (!(document instanceof Map<?, ?> map)) {
                    continue;
                }
                Map<String, String> documentValues = new LinkedHashMap<>();
                flatten("", map, documentValues);
                // Profile-specific documents only apply with that profile active; the CLI runs
                // with none, as a plain `java -jar app.jar` would.
                if (!documentValues.containsKey("spring.config.activate.on-profile")
                        && !documentValues.containsKey("spring.profiles")) {
                    flat.putAll(documentValues);
                }
            }
        } catch (IOException | YAMLException e) {
            throw new SettingsException("Could not read " + file + ": " + e.getMessage().replace('\n', ' '));
        }
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey(),
                        entry.getValue(), into);
            }
        } else if (value instanceof List<?> list) {
            List<String> scalars = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    flatten(prefix + "[" + i + "]", item, into);
                } else {
                    scalars.add(String.valueOf(item));
                }
            }
            if (!scalars.isEmpty()) {
                into.put(prefix, String.join(",", scalars));
            }
        } else if (value != null) {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Pattern pattern = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s]");
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i) + " ").find()) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // The file was readable a moment ago; without a line the message still names file and key.
        }
        return 0;
    }

    /** The known word closest to {@code word} (edit distance at most 3), or null. */
    public static String nearest(String word, List<String> known) {
        return known.stream()
                .filter(candidate -> distance(word, candidate) <= 3)
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        return dev.retort.EditDistance.between(a, b);
    }
}
