package dev.retort.runtime;

/** One SQL statement of a migration file, without its trailing {@code ;}, and the 1-based file line it starts on. */
public record ExecutableStatement(String sql, int line) {
}
