package dev.retort;

import java.util.List;

/**
 * A revision failed while it ran. The message says which revision, file and line, the
 * database's SQL state and message, and what state the database is left in: on databases
 * with transactional DDL the failed revision left nothing behind; elsewhere
 * {@link #appliedStatements()} lists what stayed applied.
 */
public class MigrationException extends RetortException {

    private final String revision;
    private final String location;
    private final int line;
    private final String sqlState;
    private final String databaseMessage;
    private final List<String> appliedStatements;

    /**
     * @param revision          the failed revision
     * @param location          its file
     * @param line              1-based line of the failing statement in the file, 0 when no statement failed
     * @param sqlState          the SQL state the database reported (may be null)
     * @param databaseMessage   the database's own message (may be null)
     * @param appliedStatements statements of this revision that stayed applied, each as
     *                          {@code line N: SQL}; empty when the failure left nothing behind
     */
    public MigrationException(String message, String revision, String location, int line, String sqlState,
                              String databaseMessage, List<String> appliedStatements, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.location = location;
        this.line = line;
        this.sqlState = sqlState;
        this.databaseMessage = databaseMessage;
        this.appliedStatements = List.copyOf(appliedStatements);
    }

    public String revision() {
        return revision;
    }

    public String location() {
        return location;
    }

    public int line() {
        return line;
    }

    public String sqlState() {
        return sqlState;
    }

    public String databaseMessage() {
        return databaseMessage;
    }

    public List<String> appliedStatements() {
        return appliedStatements;
    }
}
