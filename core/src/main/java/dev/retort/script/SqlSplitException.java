package dev.retort.script;

import dev.retort.RetortException;

/**
 * A section's SQL could not be split into statements: an unterminated string, quoted
 * identifier, comment or dollar quote, or a {@code -- +begin} / {@code -- +end} marker out of
 * place. The splitter does not know the file; {@link MigrationScript#statements} adds it.
 */
public class SqlSplitException extends RetortException {

    private final int line;
    private final String problem;

    public SqlSplitException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** The 1-based line in the file where the offending construct starts. */
    public int line() {
        return line;
    }

    /** The problem without the line prefix, a sentence that says what to do. */
    public String problem() {
        return problem;
    }
}
