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
                    // A first run's tables hold no checksums to compare: skip the query then.
                    if (operation == Operation.UPGRADE && config.validateChecksums() && !prepared.firstRun()) {
                        refuseDrift(session);
                    }
                    List<RevisionWork> works = RevisionWorks.forPlan(plan, scripts, session.dialect());
                    Executor executor = new Executor(session.dialect(), session.versions(), session.history(),
                            config.transactionMode(), config.appliedBy(), listeners);
                    executor.check(works);
                    // Only now, with the run planned and checked: a refused run leaves the schema as it
                    // was. A run with nothing to do still creates them, as Alembic's upgrade does.
                    if (prepared.tablesMissing()) {
                        createTables(session);
                        if (prepared.baseline() != null) {
                            try {
                                stampBaseline(session, prepared.baseline());
                            } catch (SQLException | RuntimeException e) {
                                dropCreatedTables(session, prepared.firstRun(), e);
                                throw e;
                            }
                        }
                    }
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
     * The version table's rows. A non-empty schema without a version table starts at the
     * baseline revision when one is configured (stamped there before the run, see
     * {@link #stampBaseline}), else is refused. Nothing is written here.
     */
    private Prepared prepare(Session session, Operation operation) throws SQLException {
        Connection connection = session.connection();
        List<String> rows = session.versions().read(connection);
        if (rows != null) {
            return new Prepared(rows, false, false, null);
        }
        if (operation == Operation.DOWNGRADE) {
            // nothing was ever applied here; the planner says what that means for the target
            return new Prepared(List.of(), false, false, null);
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
        if (foreign.isEmpty() || baseline == null) {
            return new Prepared(List.of(), !historyExisted, true, null);
        }
        return new Prepared(List.of(baseline), !historyExisted, true, baseline);
    }

    /** Records the baseline revision in the new tables: the version row and a {@code stamp} history row. */
    private void stampBaseline(Session session, String baseline) throws SQLException {
        Connection connection = session.connection();
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
        } catch (SQLException | RuntimeException e) {
            // Before setAutoCommit(true) below, which would commit the version row without its history row.
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        org.slf4j.LoggerFactory.getLogger("dev.retort").info("Schema {} had tables but no version table: stamped the "
                + "baseline revision {} (retort.baseline-revision)", session.schema(), baseline);
    }

    /**
     * After a failed baseline stamp, drops the tables this run created, so that the schema is as
     * it was and the next run stamps the baseline again: an empty version table left behind would
     * make it start from base instead, against tables that already exist. Drop failures are
     * attached to {@code failure}, which stays the error reported.
     */
    private static void dropCreatedTables(Session session, boolean historyCreated, Exception failure) {
        List<String> tables = new ArrayList<>(List.of(session.versions().qualifiedName()));
        if (historyCreated) {
            tables.add(session.history().qualifiedName());
        }
        try (Statement statement = session.connection().createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE " + table);
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
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
            OwnTransaction.run(connection, statement, List.of(noFlushWait, session.versions().createSql(),
                    session.history().createSql()));
        }
    }

    /**
     * The version table's rows (the baseline's when the run starts from it); whether the history
     * table is missing too (so it holds no checksums yet); whether the version table is missing
     * (the run creates both tables once it is planned and checked); the baseline revision to
     * stamp first, or null.
     */
    private record Prepared(List<String> rows, boolean firstRun, boolean tablesMissing, String baseline) {
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
