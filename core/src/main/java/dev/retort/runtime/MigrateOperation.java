package dev.retort.runtime;

import dev.retort.AppliedRevision;
import dev.retort.ChecksumMismatch;
import dev.retort.ChecksumMismatchException;
import dev.retort.MigrationResult;
import dev.retort.NonEmptySchemaException;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.script.MigrationScript;
import dev.retort.script.ScriptDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code upgrade} and {@code downgrade}: take the lock, read the version table, plan (inside
 * the lock, so two migrators never plan from the same state), check, run, release.
 */
public final class MigrateOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public MigrateOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public MigrationResult upgrade(String target) {
        return run(Operation.UPGRADE, target == null ? "head" : target);
    }

    public MigrationResult downgrade(String target) {
        return run(Operation.DOWNGRADE, target);
    }

    private MigrationResult run(Operation operation, String target) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Listeners listeners = new Listeners(config.listeners());
        try (Session session = Session.open(config)) {
            Connection connection = session.connection();
            try {
                return session.lockTemplate().execute(connection, config.dataSource(), () -> {
                    Prepared prepared = prepare(session, operation);
                    List<String> rows = prepared.rows();
                    List<String> unknown = UnknownRevisions.find(rows, scripts);
                    if (!unknown.isEmpty()) {
                        throw UnknownRevisions.exception(unknown, session, operation.label());
                    }
                    Plan plan = operation == Operation.UPGRADE
                            ? scripts.planner().upgrade(rows, target)
                            : scripts.planner().downgrade(rows, target);
                    // Tables created just now hold no checksums to compare: skip the query on a first run.
                    if (operation == Operation.UPGRADE && config.validateChecksums() && !prepared.created()) {
                        refuseDrift(session);
                    }
                    List<RevisionWork> works = RevisionWorks.forPlan(plan, scripts, session.dialect());
                    Executor executor = new Executor(session.dialect(), session.versions(), session.history(),
                            config.transactionMode(), config.appliedBy(), listeners);
                    executor.check(works);
                    listeners.runStarting(plan);
                    List<AppliedRevision> applied = works.isEmpty() ? List.of() : executor.execute(connection, plan, works);
                    MigrationResult result = RunReporter.finish(session, plan, applied, startedAt, started);
                    listeners.runFinished(result);
                    return result;
                });
            } catch (SQLException e) {
                throw session.databaseError(operation.label() + " " + target, e);
            }
        } catch (RuntimeException e) {
            listeners.runFailed(e);
            throw e;
        }
    }

    /**
     * The version table's rows, creating the tables on first use. A non-empty schema without
     * a version table is stamped at the baseline revision when one is configured, else refused.
     */
    private Prepared prepare(Session session, Operation operation) throws SQLException {
        Connection connection = session.connection();
        List<String> rows = session.versions().read(connection);
        if (rows != null) {
            return new Prepared(rows, false);
        }
        if (operation == Operation.DOWNGRADE) {
            // nothing was ever applied here; the planner says what that means for the target
            return new Prepared(List.of(), false);
        }
        List<String> foreign = new ArrayList<>();
        boolean historyExisted = false;
        for (String table : session.dialect().tables(connection, session.schema())) {
            if (!session.isOwnTable(table)) {
                foreign.add(table);
            }
            historyExisted |= session.isHistoryTable(table);
        }
        String baseline = config.baselineRevision();
        if (!foreign.isEmpty() && baseline == null) {
            List<String> some = foreign.subList(0, Math.min(5, foreign.size()));
            throw new NonEmptySchemaException("Schema " + session.schema() + " already holds tables ("
                    + String.join(", ", some) + (foreign.size() > some.size() ? ", ..." : "") + ") but has no version table "
                    + session.versions().name() + ", so Retort cannot tell which revisions they correspond to. If they "
                    + "match a revision, set retort.baseline-revision to it (it is stamped first, then newer revisions "
                    + "run), or run `retort stamp <revision>` once; or point the schema (retort.schema, or --schema on "
                    + "the command line) at an empty schema.",
                    session.schema(), some);
        }
        createTables(session);
        if (foreign.isEmpty() || baseline == null) {
            return new Prepared(List.of(), !historyExisted);
        }
        MigrationScript script = scripts.script(baseline);
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (var change : session.versions().changes(List.of(), List.of(baseline))) {
                statement.addBatch(change.sql());
            }
            statement.addBatch(session.history().insertSql(baseline, "stamp", "baseline: " + script.message(),
                    script.checksum(), config.appliedBy(), 0, true));
            statement.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        org.slf4j.LoggerFactory.getLogger("dev.retort").info("Schema {} had tables but no version table: stamped the "
                + "baseline revision {} (retort.baseline-revision)", session.schema(), baseline);
        return new Prepared(List.of(baseline), !historyExisted);
    }

    /**
     * Creates the version and history tables in one batch: one round trip, and where DDL is
     * transactional one transaction that does not wait for its flush to disk (see
     * {@link dev.retort.dialect.Dialect#noFlushWait}).
     */
    private static void createTables(Session session) throws SQLException {
        Connection connection = session.connection();
        String noFlushWait = session.dialect().transactionalDdl() ? session.dialect().noFlushWait() : null;
        try (Statement statement = connection.createStatement()) {
            if (noFlushWait == null) {
                statement.addBatch(session.versions().createSql());
                statement.addBatch(session.history().createSql());
                statement.executeBatch();
                return;
            }
            connection.setAutoCommit(false);
            try {
                statement.addBatch(noFlushWait);
                statement.addBatch(session.versions().createSql());
                statement.addBatch(session.history().createSql());
                statement.addBatch("COMMIT");
                statement.executeBatch();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The version table's rows, and whether this run created the history table (so it holds no checksums yet). */
    private record Prepared(List<String> rows, boolean created) {
    }

    private void refuseDrift(Session session) throws SQLException {
        List<ChecksumMismatch> mismatches = ChecksumCheck.mismatches(
                ChecksumCheck.find(session.connection(), session.history(), scripts));
        if (!mismatches.isEmpty()) {
            throw new ChecksumMismatchException("Refusing to upgrade: " + mismatches.size() + " applied migration "
                    + (mismatches.size() == 1 ? "file has changed since it ran" : "files have changed since they ran") + ":\n  "
                    + mismatches.stream().map(ChecksumMismatch::describe).collect(Collectors.joining("\n  "))
                    + "\nRestore the files, or, if the change is intended (a comment, formatting), record the new "
                    + "checksums with `retort repair`; in Spring Boot, retort.validate-checksums=false skips this check.", mismatches);
        }
    }
}
