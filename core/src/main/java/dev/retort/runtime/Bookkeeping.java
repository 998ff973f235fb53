package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.StepProcedure;
import dev.retort.graph.Step;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each step's version-table change and history row inside the step's transaction, in
 * the way the dialect prefers ({@link Dialect#literalBookkeepingBatch()}): one batch of literal
 * statements (one round trip), or prepared statements created on first use and reused for every
 * later revision of the run (no SQL parsed per revision). Where the dialect can check the
 * version-table write on the server ({@link Dialect#serverCheckedWrite}), the batch also carries
 * the COMMIT (when the step commits on its own), so a revision costs its statements plus one
 * round trip, as many as running the statements and committing by hand. Where the dialect offers
 * a {@linkplain Dialect#stepProcedure step procedure}, it is created for the run and the batch
 * calls it instead of the literal statements: the server then plans the writes once per run
 * rather than once per revision.
 */
final class Bookkeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bookkeeping.class);

    private final Connection connection;
    private final Statement statement;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final String appliedBy;
    private final boolean literalBatch;
    private final Dialect dialect;
    private final boolean commitInBatch;
    /** The step procedure created for this run, or null. */
    private StepProcedure procedure;
    private PreparedStatement update;
    private PreparedStatement delete;
    private PreparedStatement insert;
    private PreparedStatement history;
    /** What the prepared history rows record as {@code applied_by}; set with {@link #history}. */
    private String recordedUser;

    /**
     * @param statement     the run's statement, used for the literal batch
     * @param appliedBy     recorded in history; null records the database user
     * @param commitPerStep whether each step commits on its own (not transaction mode {@code all})
     */
    Bookkeeping(Connection connection, Statement statement, VersionTable versionTable, HistoryTable historyTable,
                String appliedBy, Dialect dialect, boolean commitPerStep) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.appliedBy = appliedBy;
        this.literalBatch = dialect.literalBookkeepingBatch();
        this.dialect = dialect;
        this.procedure = literalBatch ? createProcedure() : null;
        this.commitInBatch = literalBatch && commitPerStep
                && (procedure != null || dialect.serverCheckedWrite("", "") != null);
    }

    /**
     * The dialect's step procedure, created in a transaction of its own; null when there is none,
     * when the connection is inside a transaction already (not ours to commit), or when creating
     * it fails (e.g. no TEMPORARY privilege on the database): the literal statements then serve.
     */
    private StepProcedure createProcedure() throws SQLException {
        if (!connection.getAutoCommit()) {
            return null;
        }
        StepProcedure candidate = dialect.stepProcedure(connection, versionTable.qualifiedName(),
                historyTable.qualifiedName());
        if (candidate == null) {
            return null;
        }
        try {
            OwnTransaction.run(connection, statement, candidate.create());
            return candidate;
        } catch (SQLException e) {
            LOG.debug("Writing the version table with literal statements: could not create the step procedure: {}",
                    e.getMessage());
            return null;
        }
    }

    /**
     * Drops the step procedure again, when the run's work is committed and the connection holds
     * no open transaction. After a failure it may stay behind: it is private to the connection's
     * session, ends with it, and the next run replaces it.
     */
    void finish() {
        if (procedure == null) {
            return;
        }
        StepProcedure created = procedure;
        procedure = null;
        try {
            OwnTransaction.run(connection, statement, created.drop());
        } catch (SQLException e) {
            LOG.debug("Could not drop the step procedure (it ends with the session): {}", e.getMessage());
        }
    }

    /** Whether {@link #write} committed the step's transaction itself (then {@code commit()} has nothing left to do). */
    boolean commits() {
        return commitInBatch;
    }

    /** The change from {@code step.headsBefore()} to {@code step.headsAfter()} and a successful history row. */
    void write(Step step, RevisionWork work, long durationMs) throws SQLException {
        List<VersionTable.Change> changes = versionTable.changes(step.headsBefore(), step.headsAfter());
        if (literalBatch) {
            writeBatch(step, work, durationMs, changes);
        } else {
            writePrepared(step, work, durationMs, changes);
        }
    }

    private void writeBatch(Step step, RevisionWork work, long durationMs, List<VersionTable.Change> changes)
            throws SQLException {
        if (procedure != null) {
            List<String> removed = new ArrayList<>(changes.size());
            List<String> added = new ArrayList<>(changes.size());
            List<String> mismatches = new ArrayList<>(changes.size());
            for (VersionTable.Change change : changes) {
                removed.add(change.removed());
                added.add(change.added());
                mismatches.add(Executor.mismatchMessage(change, "{touched}", step));
            }
            statement.addBatch(procedure.call(removed, added, mismatches, work.revision(), work.direction().label(),
                    work.message(), work.checksum(), appliedBy, durationMs));
            if (commitInBatch) {
                statement.addBatch("COMMIT");
            }
            try {
                executeBatch();
            } catch (SQLException e) {
                throw procedureGone(e);
            }
            return; // every count was checked on the server
        }
        for (VersionTable.Change change : changes) {
            if (commitInBatch && change.removed() != null) {
                statement.addBatch(dialect.serverCheckedWrite(change.sql(), Executor.mismatchMessage(change, "{touched}", step)));
            } else {
                statement.addBatch(change.sql()); // an INSERT touches its one row or fails on the key
            }
        }
        statement.addBatch(historyTable.insertSql(work.revision(), work.direction().label(), work.message(),
                work.checksum(), appliedBy, durationMs, true));
        if (commitInBatch) {
            statement.addBatch("COMMIT");
        }
        int[] counts = executeBatch();
        if (!commitInBatch) {
            Executor.checkCounts(changes, counts, step);
        }
    }

    /** SQL state {@code undefined_function}. */
    private static final String UNDEFINED_FUNCTION = "42883";

    /**
     * A step procedure that vanished between the run's transactions means that they did not all
     * run in one database session: a pooler in transaction mode (PgBouncer's
     * {@code pool_mode = transaction}) hands each transaction to whichever server connection is
     * free. Say so, since the database's own message only names the procedure.
     */
    private static SQLException procedureGone(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        if (!UNDEFINED_FUNCTION.equals(cause.getSQLState()) || cause.getMessage() == null
                || !cause.getMessage().contains("retort_step")) {
            return e;
        }
        String firstLine = serverMessage(cause.getMessage()).lines().findFirst().orElse("").strip();
        return new SQLException(firstLine + ". The procedure was created on this connection"
                + " at the start of the run, so the run's transactions did not all reach the same database session, as"
                + " happens behind a pooler in transaction mode (PgBouncer's pool_mode = transaction). Migrate through"
                + " a direct connection or a session-mode pool (retort.url, or --url on the command line); Retort's"
                + " migration lock needs one session too.", cause.getSQLState(), e);
    }

    /** Runs the batch; a failed server-side check comes back as SQL state RT001 with its message. */
    private int[] executeBatch() throws SQLException {
        try {
            return statement.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (Executor.VERSION_MISMATCH.equals(cause.getSQLState())) {
                throw new SQLException(serverMessage(cause.getMessage()), Executor.VERSION_MISMATCH, e);
            }
            throw e;
        } finally {
            statement.clearBatch();
        }
    }

    /** The message a server-side check raised, without the driver's {@code ERROR:} prefix and {@code Where:} trailer. */
    static String serverMessage(String driverMessage) {
        String message = driverMessage == null ? "" : driverMessage;
        if (message.startsWith("ERROR: ")) {
            message = message.substring("ERROR: ".length());
        }
        int where = message.indexOf("\n  Where:");
        return where < 0 ? message : message.substring(0, where);
    }

    private void writePrepared(Step step, RevisionWork work, long durationMs, List<VersionTable.Change> changes)
            throws SQLException {
        int[] counts = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            VersionTable.Change change = changes.get(i);
            PreparedStatement prepared = versionStatement(change);
            int parameter = 1;
            if (change.added() != null) {
                prepared.setString(parameter++, change.added());
            }
            if (change.removed() != null) {
                prepared.setString(parameter, change.removed());
            }
            counts[i] = prepared.executeUpdate();
        }
        Executor.checkCounts(changes, counts, step);
        if (history == null) {
            history = connection.prepareStatement(historyTable.parameterisedInsertSql());
            recordedUser = appliedBy != null ? appliedBy : databaseUser();
        }
        int parameter = 1;
        history.setString(parameter++, work.revision());
        history.setString(parameter++, work.direction().label());
        history.setString(parameter++, work.message());
        history.setString(parameter++, work.checksum());
        history.setString(parameter++, recordedUser);
        history.setLong(parameter++, durationMs);
        history.setBoolean(parameter, true);
        history.executeUpdate();
    }

    /**
     * The database's own answer for the user ({@link Dialect#currentUserExpression()}), asked once
     * per run: the same value every history row of the run would compute, without evaluating the
     * function per revision (a tenth of the history row's cost on H2).
     */
    private String databaseUser() throws SQLException {
        try (Statement query = connection.createStatement();
             java.sql.ResultSet rs = query.executeQuery("SELECT " + dialect.currentUserExpression())) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private PreparedStatement versionStatement(VersionTable.Change change) throws SQLException {
        if (change.removed() != null && change.added() != null) {
            if (update == null) {
                update = connection.prepareStatement(versionTable.parameterisedSql(change));
            }
            return update;
        }
        if (change.removed() != null) {
            if (delete == null) {
                delete = connection.prepareStatement(versionTable.parameterisedSql(change));
            }
            return delete;
        }
        if (insert == null) {
            insert = connection.prepareStatement(versionTable.parameterisedSql(change));
        }
        return insert;
    }

    /** Closes the prepared statements (never the run's own statement). */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement prepared : new PreparedStatement[] {update, delete, insert, history}) {
            if (prepared != null) {
                try {
                    prepared.close();
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
