package dev.retort.cli.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of one CLI run. {@link #toString()} never shows the password.
 *
 * @param url          JDBC URL, null when none is configured anywhere
 * @param user         database user, may be null (the URL may carry it)
 * @param password     database password, may be null
 * @param schema       schema of the version tables, null for the connection's current schema
 * @param locations    migration locations, each {@code classpath:} or {@code filesystem:} (absolute)
 * @param dialect      forced dialect name, null to detect from the connection
 * @param versionTable version table name, null for the engine's default
 * @param historyTable history table name, null for the engine's default
 * @param lockTimeout  how long to wait for another migrator's lock, null for the engine's default
 * @param sources      for each setting that has a value ({@code url}, {@code user}, ...), where it came from
 *                     ({@code --url}, {@code RETORT_URL}, {@code retort.properties}, ...)
 */
public record Settings(String url, String user, String password, String schema, List<String> locations,
                       String dialect, String versionTable, String historyTable, Duration lockTimeout,
                       Map<String, String> sources) {

    public Settings {
        locations = List.copyOf(locations);
        sources = Map.copyOf(sources);
    }

    /** The URL with any password masked, for messages. */
    public String maskedUrl() {
        return Masking.maskUrl(url);
    }

    /** Where a setting came from, e.g. {@code "RETORT_URL"}; {@code "default"} when not recorded. */
    public String sourceOf(String setting) {
        return sources.getOrDefault(setting, "default");
    }

    /**
     * A setting's value with where it came from, for messages and {@code --verbose}:
     * {@code "a, b from --locations"}, or {@code "a (default)"} when nothing set it.
     */
    public String describe(String setting, String value) {
        String source = sourceOf(setting);
        return value + (source.equals("default") ? " (default)" : " from " + source);
    }

    /** The locations with where they came from: {@code "filesystem:/x (default)"}, {@code "... from --locations"}. */
    public String describeLocations() {
        return describe("locations", String.join(", ", locations));
    }

    @Override
    public String toString() {
        return "Settings[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? null : Masking.MASK)
                + ", schema=" + schema + ", locations=" + locations + ", dialect=" + dialect
                + ", versionTable=" + versionTable + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout
                + "]";
    }
}
