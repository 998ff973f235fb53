package dev.retort.dialect;

import dev.retort.script.SqlSyntax;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What Retort needs to know about one kind of database. Everything else (planning, script
 * loading, version-table bookkeeping) is shared. Implementations are stateless and
 * thread-safe; see {@code package-info.java} for how to add one.
 */
public interface Dialect {

    /** The canonical name used by {@code retort.dialect}, {@code --dialect} and section markers ({@code postgresql}). */
    String name();

    /**
     * Section-marker names this dialect answers to, most specific first: a file's
     * {@code -- +upgrade mariadb} section wins over {@code -- +upgrade mysql} on MariaDB.
     */
    List<String> sectionNames();

    /** How the statement splitter reads this dialect's SQL (quotes, comments, dollar quotes). */
    default SqlSyntax syntax() {
        return SqlSyntax.forDialect(name());
    }

    /** Whether DDL statements take part in transactions (PostgreSQL yes; H2 and MariaDB commit implicitly). */
    boolean transactionalDdl();

    /**
     * Whether {@code sql} cannot run inside a transaction block at all (PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...). A transactional revision holding
     * such a statement is refused before it runs, with a hint to declare {@code transactional: false}.
     */
    boolean requiresAutocommit(String sql);

    /**
     * {@code identifier} as it must appear in SQL: unquoted when it is a plain name
     * ({@code [A-Za-z_][A-Za-z0-9_]*}, left to the database's case folding), else quoted with
     * this dialect's quote character.
     */
    String quote(String identifier);

    /** {@code schema.table}, each part through {@link #quote(String)}; {@code schema} null means unqualified. */
    default String qualify(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** {@code value} as a string literal that this dialect reads back unchanged (for offline SQL and batched writes). */
    String stringLiteral(String value);

    /** An SQL expression for the connected user's name, without host part. */
    String currentUserExpression();

    /** The schema (PostgreSQL, H2) or database (MariaDB/MySQL) that unqualified names resolve to on {@code connection}. */
    String currentSchema(Connection connection) throws SQLException;

    /**
     * The statement that makes {@code schema} the one unqualified names resolve to: used when
     * {@code retort.schema} names another schema than the connection's, online (for the run,
     * undone afterwards) and at the top of offline scripts.
     */
    String useSchemaStatement(String schema);

    /** Whether {@code schema} (the schema, or the database on MariaDB/MySQL) exists. */
    boolean schemaExists(Connection connection, String schema) throws SQLException;

    /** What {@link #restoreSchema} needs to undo {@link #useSchemaStatement} on this connection. */
    default String saveSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** Puts the connection back to what {@link #saveSchema} returned, before it goes back to a pool. */
    default void restoreSchema(Connection connection, String saved) throws SQLException {
        connection.setSchema(saved);
    }

    /** Names of the tables and views in {@code schema} (as the database stores them). */
    List<String> tables(Connection connection, String schema) throws SQLException;

    /**
     * Whether the engine may find out that a table is missing by reading it and catching the
     * error (one round trip when it exists, the common case). False when the driver logs such
     * errors loudly (MariaDB's logs every error packet at WARN): then {@link #tableExists} is asked first.
     */
    default boolean probeTablesByQuery() {
        return true;
    }

    /** Whether {@code table} exists in {@code schema} (a metadata query). */
    boolean tableExists(Connection connection, String schema, String table) throws SQLException;

    /** Whether {@code e} says that a table does not exist (used to read the version table without a metadata round trip first). */
    boolean isUndefinedTable(SQLException e);

    /** DDL creating the version table {@code (version_num VARCHAR(32) PRIMARY KEY)} if it does not exist. */
    String createVersionTable(String qualifiedName);

    /** DDL creating the history table if it does not exist; see {@code docs/engine.md} for its columns. */
    String createHistoryTable(String qualifiedName);

    /** The statement opening a transaction in an offline script ({@code BEGIN}), or null when the dialect has none worth writing. */
    String beginTransaction();

    /**
     * Whether {@link #lock} must get a connection of its own rather than the one the
     * migration runs on (true when the lock is a row lock held in an open transaction).
     */
    boolean lockNeedsOwnConnection();

    /**
     * Takes the migration lock of {@code schema}/{@code versionTable} on {@code connection},
     * waiting at most {@code timeout}. The lock must die with the connection, so that a crashed
     * migrator never blocks the next one.
     *
     * @throws dev.retort.LockTimeoutException after {@code timeout}, naming {@code retort.lock-timeout}
     *                                         and, where the database can tell, who holds the lock
     */
    MigrationLock lock(Connection connection, String schema, String versionTable, Duration timeout) throws SQLException;

    /**
     * Whether a revision's version-table change and history row go to the database as one batch
     * of literal statements (one round trip: right for a server across a network) rather than as
     * prepared statements reused for every revision (right for a database in the same process,
     * where no round trip is saved and parsing new SQL text for every revision is the cost).
     */
    default boolean literalBookkeepingBatch() {
        return true;
    }

    /**
     * {@code sql}, a version-table UPDATE or DELETE that must touch exactly one row, made to fail
     * on the server with SQL state {@code RT001} and {@code message} (where {@code {touched}} stands
     * for the number of rows it touched) when it does not. With it the version-table change, the
     * history row and the COMMIT travel in one batch, since nothing is left to check on the client
     * before committing. Null (the default) when the dialect cannot: then the row count is checked
     * on the client and the commit is a round trip of its own.
     */
    default String serverCheckedWrite(String sql, String message) {
        return null;
    }

    /**
     * A statement that, run first in a transaction, lets its COMMIT return without waiting for
     * the write to reach disk (PostgreSQL: {@code SET LOCAL synchronous_commit TO OFF}); null
     * (the default) where there is none. Used only where losing the transaction in a crash costs
     * nothing: creating Retort's tables (recreated by the next run; and the first revision's
     * ordinary commit makes them durable anyway, the log being flushed in order) and the
     * session's own temporary procedure.
     */
    default String noFlushWait() {
        return null;
    }

    /**
     * A procedure that writes one step's bookkeeping on the server in one call, created for the
     * length of a run on the migration connection (PostgreSQL: in {@code pg_temp}), or null
     * (the default) when the dialect has none or this server cannot have one. It replaces
     * {@link #serverCheckedWrite} plus a literal history INSERT: its statements are planned
     * once per run rather than once per revision.
     *
     * @param versionTable the qualified version table
     * @param historyTable the qualified history table
     */
    default StepProcedure stepProcedure(Connection connection, String versionTable, String historyTable)
            throws SQLException {
        return null;
    }
}
