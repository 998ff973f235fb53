package dev.retort.script;

import dev.retort.graph.Direction;
import java.util.List;
import java.util.Objects;

/**
 * One {@code -- +upgrade} or {@code -- +downgrade} section of a migration file.
 *
 * @param direction which way the section moves the revision
 * @param dialects  the dialects named on the marker ({@code -- +upgrade h2,mysql}), in the
 *                  order written; empty for a section that applies to any dialect
 * @param line      the 1-based file line of the marker
 * @param body      the text between this marker and the next one (or the end of the file),
 *                  with line endings normalised to {@code \n}; it starts on line {@code line + 1}
 */
public record Section(Direction direction, List<String> dialects, int line, String body) {

    public Section {
        Objects.requireNonNull(direction, "direction");
        dialects = List.copyOf(dialects);
        Objects.requireNonNull(body, "body");
    }

    /** Whether the marker names no dialect, so the section fits any database. */
    public boolean unqualified() {
        return dialects.isEmpty();
    }

    /**
     * The section's statements, each with its line in the file.
     *
     * @throws SqlSplitException when the SQL cannot be split with {@code syntax}; use
     *                           {@link MigrationScript#statements(Section, SqlSyntax)} for an
     *                           error that also names the file
     */
    public List<SqlStatement> statements(SqlSyntax syntax) {
        return SqlSplitter.split(body, line + 1, syntax);
    }
}
