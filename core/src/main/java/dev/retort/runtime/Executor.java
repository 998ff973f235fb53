package dev.retort.runtime;

import dev.retort.AppliedRevision;
import dev.retort.MigrationException;
import dev.retort.RetortException;
import dev.retort.TransactionMode;
import dev.retort.dialect.Dialect;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's steps on one connection. Per revision: its statements through one plain
 * {@link Statement}, then the version-table change and the history row ({@link Bookkeeping}: one
 * batch, or reused prepared statements on H2), then one commit (transaction mode {@code per-migration}). No metadata queries and no re-reading of
 * the version table: the plan already says what each step leaves behind.
 */
public final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort");
    private static final int STATEMENT_PREVIEW = 300;

    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final TransactionMode mode;
    private final String appliedBy;
    private final Listeners listeners;

    /**
     * @param appliedBy recorded in history; null records the database user
     */
    public Executor(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, TransactionMode mode,
                    String appliedBy, Listeners listeners) {
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.mode = mode;
        this.appliedBy = appliedBy;
        this.listeners = listeners;
    }

    /**
     * Refuses, before anything runs, what cannot work: a non-transactional revision in
     * transaction mode {@code all}, and a statement that cannot run in a transaction block
     * inside a transactional revision.
     */
    public void check(List<RevisionWork> works) {
        for (RevisionWork work : works) {
            if (!work.transactional() && mode == TransactionMode.ALL) {
                throw new RetortException("Revision " + work.revision() + " (" + work.location() + ") is declared "
                        + "'transactional: false', which cannot run inside the single transaction of transaction mode "
                        + "'all'. Use transaction mode per-migration (retort.transaction-mode) for this run.");
            }
            if (work.transactional() && mode != TransactionMode.NONE) {
                for (ExecutableStatement statement : work.statements()) {
                    if (dialect.requiresAutocommit(statement.sql())) {
                        throw new RetortException("Revision " + work.revision() + " (" + work.location() + " line "
                                + statement.line() + ") runs a statement that " + dialect.name()
                                + " refuses inside a transaction: " + preview(statement.sql())
                                + ". Add '-- transactional: false' to the file's header so the revision runs in autocommit.");
                    }
                }
            }
        }
    }

    /**
     * Runs {@code works} (one per step of {@code plan}, same order).
     *
     * @throws MigrationException when a statement fails, after rolling back what the mode
     *                            allows and recording the failure in history
     */
    public List<AppliedRevision> execute(Connection connection, Plan plan, List<RevisionWork> works) throws SQLException {
        if (works.size() != plan.steps().size()) {
            throw new IllegalArgumentException("one RevisionWork per step expected");
        }
        List<AppliedRevision> applied = new ArrayList<>();
        boolean originalAutoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement();
             Bookkeeping bookkeeping = new Bookkeeping(connection, statement, versionTable, historyTable, appliedBy,
                     dialect, mode != TransactionMode.ALL)) {
            setAutoCommit(connection, mode == TransactionMode.NONE);
            for (int i = 0; i < works.size(); i++) {
                Step step = plan.steps().get(i);
                RevisionWork work = works.get(i);
                try {
                    applied.add(runStep(connection, statement, bookkeeping, plan, step, work));
                } catch (MigrationException e) {
                    bookkeeping.finish(); // the failure is rolled back and recorded: nothing is pending
                    throw e;
                }
            }
            if (mode == TransactionMode.ALL) {
                connection.commit();
            }
            bookkeeping.finish();
        } finally {
            restoreAutoCommit(connection, originalAutoCommit);
        }
        return applied;
    }

    private AppliedRevision runStep(Connection connection, Statement statement, Bookkeeping bookkeeping, Plan plan,
                                    Step step, RevisionWork work) throws SQLException {
        boolean oneTransaction = mode == TransactionMode.ALL;
        if (!oneTransaction) {
            setAutoCommit(connection, !statementsInTransaction(work));
        }
        long started = System.nanoTime();
        int executed = 0;
        ExecutableStatement current = null;
        try {
            for (ExecutableStatement sql : work.statements()) {
                current = sql;
                statement.execute(sql.sql());
                executed++;
            }
            current = null;
            if (!oneTransaction) {
                // The version change and history row commit as one, even after autocommitted statements.
                setAutoCommit(connection, false);
            }
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            bookkeeping.write(step, work, durationMs);
            if (!oneTransaction && !bookkeeping.commits()) {
                connection.commit();
            }
        } catch (SQLException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            MigrationException failure = fail(connection, plan, step, work, current, executed, took, e);
            listeners.revisionFailed(work.revision(), work.direction(), took, failure);
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (LOG.isInfoEnabled()) { // from/to join lists: skip that per revision when the line is not written
            LOG.info("Running {} {} -> {}, {} ({} ms)", work.direction().label(), from(work), to(work), work.message(),
                    took.toMillis());
        }
        AppliedRevision result = new AppliedRevision(work.revision(), work.direction(), work.message(), took);
        listeners.revisionApplied(result);
        return result;
    }

    /** SQL state of "the version table did not hold what the plan expected". */
    static final String VERSION_MISMATCH = "RT001";

    static void checkCounts(List<VersionTable.Change> changes, int[] counts, Step step) throws SQLException {
        for (int i = 0; i < changes.size(); i++) {
            int count = counts[i];
            if (count != Statement.SUCCESS_NO_INFO && count != changes.get(i).expectedRows()) {
                throw new SQLException(mismatchMessage(changes.get(i), Integer.toString(count), step), VERSION_MISMATCH);
            }
        }
    }

    /** The one wording of a version-table write that touched {@code touched} rows, checked here or on the server. */
    static String mismatchMessage(VersionTable.Change change, String touched, Step step) {
        return "The version table did not hold what the plan expected: '" + change.description() + "' touched " + touched
                + " rows instead of " + change.expectedRows() + " (expected rows " + step.headsBefore()
                + " before this step). Did another tool change it during the run?";
    }

    private MigrationException fail(Connection connection, Plan plan, Step step, RevisionWork work,
                                    ExecutableStatement failed, int executed, Duration took, SQLException error) {
        SQLException cause = error instanceof BatchUpdateException && error.getNextException() != null
                ? error.getNextException() : error;
        boolean rolledBack = false;
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // also drops half-written bookkeeping after autocommitted statements
                rolledBack = statementsInTransaction(work);
            }
        } catch (SQLException rollbackFailure) {
            error.addSuppressed(rollbackFailure);
        }
        // What stayed applied: nothing when the database rolled the DDL back with the transaction.
        List<String> stayed = new ArrayList<>();
        if (!(rolledBack && dialect.transactionalDdl())) {
            for (int i = 0; i < executed; i++) {
                ExecutableStatement s = work.statements().get(i);
                stayed.add("line " + s.line() + ": " + preview(s.sql()));
            }
        }
        recordFailure(connection, work, took, error);
        List<String> versionRows = readVersionRowsQuietly(connection);

        StringBuilder message = new StringBuilder();
        message.append("Revision ").append(work.revision());
        if (!work.message().isEmpty()) {
            message.append(" (").append(work.message()).append(')');
        }
        message.append(" failed during ").append(work.direction().label()).append(": ");
        if (failed != null) {
            message.append(work.location()).append(" line ").append(failed.line()).append(": ");
        } else {
            message.append("updating ").append(versionTable.name()).append(" after ").append(work.location()).append(": ");
        }
        message.append("SQL state ").append(cause.getSQLState()).append(": ").append(cause.getMessage().strip());
        if (failed != null) {
            message.append("\n  Statement: ").append(preview(failed.sql()));
        }
        if (rolledBack && dialect.transactionalDdl()) {
            if (mode == TransactionMode.ALL) {
                message.append("\n  The whole run was rolled back (transaction mode all): nothing of it is applied.");
            } else {
                message.append("\n  The revision was rolled back: nothing of it is applied.");
            }
        } else if (stayed.isEmpty()) {
            message.append("\n  No statement of this revision had completed before the failure.");
        } else {
            message.append("\n  ").append(whyNotRolledBack(work)).append(" These statements of the revision had already "
                    + "been applied and stay applied:");
            for (String s : stayed) {
                message.append("\n    ").append(s);
            }
            message.append("\n  Undo them (or finish the revision) by hand before running again.");
        }
        if (versionRows != null) {
            message.append("\n  The version table ").append(versionTable.name()).append(" says ")
                    .append(versionRows.isEmpty() ? "base (no rows)" : String.join(", ", versionRows)).append('.');
        }
        return new MigrationException(message.toString(), work.revision(), work.location(),
                failed == null ? 0 : failed.line(), cause.getSQLState(), cause.getMessage(), stayed, error);
    }

    private boolean statementsInTransaction(RevisionWork work) {
        return mode == TransactionMode.ALL || (mode == TransactionMode.PER_MIGRATION && work.transactional());
    }

    private String whyNotRolledBack(RevisionWork work) {
        if (mode == TransactionMode.NONE) {
            return "Transaction mode none commits every statement.";
        }
        if (!work.transactional()) {
            return "The revision is declared 'transactional: false', so every statement committed on its own.";
        }
        return dialectLabel() + " commits DDL implicitly, so it cannot roll it back.";
    }

    private String dialectLabel() {
        switch (dialect.name()) {
            case "mariadb":
                return "MariaDB";
            case "mysql":
                return "MySQL";
            case "h2":
                return "H2";
            default:
                return dialect.name();
        }
    }

    /** The failure's history row, in a transaction of its own after the rollback. */
    private void recordFailure(Connection connection, RevisionWork work, Duration took, SQLException error) {
        try {
            setAutoCommit(connection, true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(historyTable.insertSql(work.revision(), work.direction().label(), work.message(),
                        work.checksum(), appliedBy, took.toMillis(), false));
            }
        } catch (SQLException e) {
            error.addSuppressed(e);
            LOG.warn("Could not record the failure of revision {} in {}: {}", work.revision(), historyTable.name(),
                    e.getMessage());
        }
    }

    private List<String> readVersionRowsQuietly(Connection connection) {
        try {
            return versionTable.read(connection);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String from(RevisionWork work) {
        return work.direction() == Direction.UPGRADE ? String.join(", ", work.revises()) : work.revision();
    }

    private static String to(RevisionWork work) {
        return work.direction() == Direction.UPGRADE ? work.revision() : String.join(", ", work.revises());
    }

    static String preview(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= STATEMENT_PREVIEW ? oneLine : oneLine.substring(0, STATEMENT_PREVIEW) + " ...";
    }

    private static void setAutoCommit(Connection connection, boolean autoCommit) throws SQLException {
        if (connection.getAutoCommit() != autoCommit) {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing uncommitted is left after a normal run; after a failure it is garbage
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warn("Could not restore autocommit on the migration connection: {}", e.getMessage());
        }
    }
}
