package dev.retort.script;

import java.util.Objects;

/**
 * One problem found while loading migration files.
 *
 * @param location the file ({@code classpath:db/migrations/ae10_add.sql} or an absolute path) or
 *                 the configured location the problem concerns
 * @param line     the 1-based line in that file, or 0 when the problem is not about one line
 *                 (a missing location, an unreadable file)
 * @param message  what is wrong, what was expected and what to do, without the location
 */
public record ScriptProblem(String location, int line, String message) {

    public ScriptProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code "<location> line <n>: <message>"}, or {@code "<location>: <message>"} without a line. */
    @Override
    public String toString() {
        return location + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
