package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One connection for a whole operation, with what is known about it: dialect, schema, and the
 * version and history tables qualified with that schema.
 */
public final class Session implements AutoCloseable {

    private final RetortConfig config;
    private final Connection connection;
    private final Dialect dialect;
    private final String schema;
    private final VersionTable versions;
    private final HistoryTable history;
    /** The connection's schema setting before this session switched it (null: not switched). */
    private final String savedSchema;

    private Session(RetortConfig config, Connection connection, Dialect dialect, String schema, String savedSchema) {
        this.savedSchema = savedSchema;
        this.config = config;
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
        this.versions = new VersionTable(dialect, schema, config.versionTable());
        this.history = new HistoryTable(dialect, schema, config.historyTable());
    }

    /** Opens a connection from the configured DataSource. */
    public static Session open(RetortConfig config) {
        if (config.dataSource() == null) {
            throw new IllegalStateException("no DataSource configured: Retort.builder().dataSource(...) is needed for "
                    + "operations that read or change a database (only offlineSql() and scripts() work without one)");
        }
        Connection connection = null;
        try {
            connection = config.dataSource().getConnection();
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            Dialect dialect = config.dialect() != null ? Dialects.forName(config.dialect()) : Dialects.detect(connection);
            String current = dialect.currentSchema(connection);
            String schema = config.schema() != null ? config.schema() : current;
            String saved = null;
            if (config.schema() != null && !sameSchema(current, config.schema())) {
                saved = switchSchema(connection, dialect, config.schema());
            }
            if (schema == null) {
                throw new RetortException("The connection has no current schema (for MariaDB/MySQL: no database in the "
                        + "JDBC URL); set the schema (retort.schema, or --schema on the command line) or put the database into the URL.");
            }
            return new Session(config, connection, dialect, schema, saved);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RetortException("Could not connect to the database: SQL state " + e.getSQLState() + ": "
                    + e.getMessage() + databaseAnswer(e), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * What the database (or its driver) answered, when a pool's own message hides it in a cause:
     * HikariCP says only "Connection is not available, request timed out after 30000ms".
     */
    static String databaseAnswer(SQLException e) {
        SQLException deepest = null;
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null && !sql.getMessage().isBlank()) {
                deepest = sql;
            }
        }
        if (deepest == null || String.valueOf(e.getMessage()).contains(deepest.getMessage().strip())) {
            return "";
        }
        return " (the database's answer: SQL state " + deepest.getSQLState() + ": " + deepest.getMessage().strip() + ")";
    }

    private static boolean sameSchema(String current, String configured) {
        return current != null && (current.equals(configured)
                || (configured.matches("[A-Za-z_][A-Za-z0-9_]*") && current.equalsIgnoreCase(configured)));
    }

    /**
     * Makes the configured schema the one the migrations' unqualified names resolve to, as
     * Flyway's default schema does, and returns what {@link #close()} restores before the
     * connection goes back to its pool.
     */
    private static String switchSchema(Connection connection, Dialect dialect, String schema) throws SQLException {
        if (!dialect.schemaExists(connection, schema)) {
            throw new RetortException("Schema '" + schema + "' (retort.schema, or --schema on the command line) does not"
                    + " exist in this database; create it first (CREATE SCHEMA " + schema + ", or CREATE DATABASE on"
                    + " MariaDB/MySQL), or leave the setting out to migrate the connection's current schema.");
        }
        String saved = dialect.saveSchema(connection);
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(dialect.useSchemaStatement(schema));
        }
        return saved;
    }

    public RetortConfig config() {
        return config;
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String schema() {
        return schema;
    }

    public VersionTable versions() {
        return versions;
    }

    public HistoryTable history() {
        return history;
    }

    public LockTemplate lockTemplate() {
        return new LockTemplate(dialect, schema, config.versionTable(), config.lockTimeout());
    }

    /** Whether {@code table} (as the user configured it) is one of Retort's own tables. */
    boolean isOwnTable(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        String version = config.versionTable().toLowerCase(Locale.ROOT);
        return t.equals(version) || t.equals(config.historyTable().toLowerCase(Locale.ROOT)) || t.equals(version + "_lock");
    }

    /** Whether {@code table} (as the database lists it) is the history table. */
    boolean isHistoryTable(String table) {
        return table.equalsIgnoreCase(config.historyTable());
    }

    /** A database error during {@code what}, as a sentence. */
    public RetortException databaseError(String what, SQLException e) {
        if (connectionLost(e)) {
            return new RetortException("Lost the connection to the database while " + what + " (schema " + schema
                    + "): SQL state " + e.getSQLState() + ": " + e.getMessage() + ". The server went away, restarted, "
                    + "or the network dropped the connection; check that the database is up and reachable, then retry "
                    + "(the next attempt opens a new connection).", e);
        }
        return new RetortException("Database error while " + what + " (schema " + schema + "): SQL state "
                + e.getSQLState() + ": " + e.getMessage(), e);
    }

    /**
     * Whether {@code e} says the connection itself broke, not that the database refused a
     * statement: SQL state class {@code 08} (connection exception, the standard's and every
     * driver's), PostgreSQL's {@code 57P01}-{@code 57P03} (server shut down or restarting) and
     * H2's own codes for a broken connection or a closed database (90067, 90098, 90121).
     */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("90067") || state.equals("90098") || state.equals("90121");
    }

    @Override
    public void close() {
        if (savedSchema != null) {
            try {
                dialect.restoreSchema(connection, savedSchema);
            } catch (SQLException e) {
                // A pooled connection must not keep another schema: drop it rather than return it.
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // closing below is all that is left to do
                }
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after the work is done: nothing left to protect
            }
        }
    }
}
