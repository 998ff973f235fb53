package dev.retort.script;

import dev.retort.RetortException;

/**
 * A problem with one migration file that shows only when it is used, e.g. no section fits
 * the database's dialect, or a section's SQL cannot be split for that dialect.
 */
public class ScriptException extends RetortException {

    private final String location;
    private final int line;

    public ScriptException(String location, int line, String message) {
        super(new ScriptProblem(location, line, message).toString());
        this.location = location;
        this.line = line;
    }

    /** The file, as {@link MigrationScript#location()} names it. */
    public String location() {
        return location;
    }

    /** The 1-based line in the file, or 0 when the problem is not about one line. */
    public int line() {
        return line;
    }
}
