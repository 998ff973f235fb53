package dev.retort.cli.settings;

import dev.retort.RetortException;
import dev.retort.dialect.Dialects;

/**
 * Checks a dialect setting ({@code --dialect}, {@code RETORT_DIALECT}, {@code dialect} in
 * retort.properties, {@code retort.dialect}) before anything runs, with the names the engine
 * accepts ({@link Dialects#forName(String)}: any case, {@code postgres} too), so that a bad one
 * fails in the CLI's words: where it came from, the value, the names that exist.
 */
public final class DialectNames {

    /** What to give instead, for messages. */
    public static final String EXPECTED = "give one of " + String.join(", ", Dialects.NAMES)
            + ", or leave the dialect out to detect it from the connection";

    private DialectNames() {
    }

    /**
     * Checks a dialect name.
     *
     * @return {@code name}, unchanged
     * @throws IllegalArgumentException saying that {@code name} is no dialect and what to give;
     *                                  callers put the setting's name in front
     */
    public static String check(String name) {
        try {
            Dialects.forName(name);
        } catch (RetortException e) {
            throw new IllegalArgumentException("'" + name + "' is not a dialect Retort knows; " + EXPECTED);
        }
        return name;
    }
}
