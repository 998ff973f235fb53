package dev.retort.runtime;

import dev.retort.graph.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes each step's version-table change and history row inside the step's transaction, in
 * the way the dialect prefers ({@link dev.retort.dialect.Dialect#literalBookkeepingBatch()}):
 * one batch of literal statements (one round trip), or prepared statements created on first
 * use and reused for every later revision of the run (no SQL parsed per revision).
 */
final class Bookkeeping implements AutoCloseable {

    private final Connection connection;
    private final Statement statement;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final String appliedBy;
    private final boolean literalBatch;
    private PreparedStatement update;
    private PreparedStatement delete;
    private PreparedStatement insert;
    private PreparedStatement history;

    /**
     * @param statement the run's statement, used for the literal batch
     * @param appliedBy recorded in history; null records the database user
     */
    Bookkeeping(Connection connection, Statement statement, VersionTable versionTable, HistoryTable historyTable,
                String appliedBy, boolean literalBatch) {
        this.connection = connection;
        this.statement = statement;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.appliedBy = appliedBy;
        this.literalBatch = literalBatch;
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
        for (VersionTable.Change change : changes) {
            statement.addBatch(change.sql());
        }
        statement.addBatch(historyTable.insertSql(work.revision(), work.direction().label(), work.message(),
                work.checksum(), appliedBy, durationMs, true));
        int[] counts;
        try {
            counts = statement.executeBatch();
        } finally {
            statement.clearBatch();
        }
        Executor.checkCounts(changes, counts, step);
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
            history = connection.prepareStatement(historyTable.parameterisedInsertSql(appliedBy == null));
        }
        int parameter = 1;
        history.setString(parameter++, work.revision());
        history.setString(parameter++, work.direction().label());
        history.setString(parameter++, work.message());
        history.setString(parameter++, work.checksum());
        if (appliedBy != null) {
            history.setString(parameter++, appliedBy);
        }
        history.setLong(parameter++, durationMs);
        history.setBoolean(parameter, true);
        history.executeUpdate();
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
