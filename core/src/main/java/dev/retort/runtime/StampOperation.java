package dev.retort.runtime;

import dev.retort.MigrationResult;
import dev.retort.graph.Plan;
import dev.retort.script.MigrationScript;
import dev.retort.script.ScriptDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stamp}: set the version table to the targets without running any migration, in one
 * transaction, with a history row per stamped revision. Works on a schema without version
 * table (that is how an existing schema is adopted): the version and history tables are
 * created when the stamp writes, so a refused stamp, or one that changes nothing, leaves the
 * schema as it was.
 */
public final class StampOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public StampOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public MigrationResult stamp(List<String> targets, boolean purge) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Listeners listeners = new Listeners(config.listeners());
        try (Session session = Session.open(config)) {
            Connection connection = session.connection();
            try {
                // The version table is read twice, on purpose; neither read can serve for both.
                // This one, before the lock, refuses what can be refused: on H2 the lock's first
                // use creates the lock table, and a refused stamp must leave the schema untouched
                // (StampOnANewSchemaTest); nor should it wait for another migrator's lock before
                // saying what is wrong with its arguments.
                plan(session, orEmpty(session.versions().read(connection)), targets, purge);
                return session.lockTemplate().execute(connection, config.dataSource(), () -> {
                    // This one, under the lock, is what the stamp writes from: while this stamp
                    // waited for the lock, another migrator may have moved the version table, and
                    // a plan from the first read would then change rows that are gone, or insert a
                    // row beside the ones that migrator wrote (ConcurrentMigratorsTest#
                    // aStampThatWaitedForTheLockPlansFromWhatTheOtherMigratorLeft).
                    List<String> rows = session.versions().read(connection);
                    boolean createTables = rows == null;
                    Plan plan = plan(session, orEmpty(rows), targets, purge);
                    listeners.runStarting(plan);
                    write(session, plan, stampedRevisions(plan), createTables);
                    MigrationResult result = RunReporter.finish(session, plan, List.of(), startedAt, started);
                    listeners.runFinished(result);
                    return result;
                });
            } catch (SQLException e) {
                throw session.databaseError("stamp " + String.join(" ", targets), e);
            }
        } catch (RuntimeException e) {
            listeners.runFailed(e);
            throw e;
        }
    }

    /** The stamp from {@code rows}; throws, before anything is written, when it is refused. */
    private Plan plan(Session session, List<String> rows, List<String> targets, boolean purge) {
        List<String> unknown = UnknownRevisions.find(rows, scripts);
        if (!unknown.isEmpty() && !purge) {
            throw UnknownRevisions.exception(unknown, session, "stamp without --purge");
        }
        return scripts.planner().stamp(rows, targets, purge);
    }

    /** A missing version table means base. */
    private static List<String> orEmpty(List<String> rows) {
        return rows == null ? List.of() : rows;
    }

    /** The revisions that get a history row: each newly added row; {@code base} when the stamp only removes rows. */
    static List<String> stampedRevisions(Plan plan) {
        List<String> added = new ArrayList<>(plan.resultingHeads());
        added.removeAll(plan.current());
        if (added.isEmpty() && !plan.current().equals(plan.resultingHeads())) {
            added.add("base");
        }
        return added;
    }

    /**
     * Writes the version-table changes and history rows in one transaction, creating the version
     * table first when {@code createTables} (where DDL is transactional, PostgreSQL, a failed
     * write takes the new tables back with it). Nothing at all when the stamp changes nothing.
     */
    private void write(Session session, Plan plan, List<String> stamped, boolean createTables) throws SQLException {
        if (plan.current().equals(plan.resultingHeads())) {
            return;
        }
        Connection connection = session.connection();
        List<VersionTable.Change> changes = session.versions().changes(plan.current(), plan.resultingHeads());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (createTables) {
                session.versions().create(connection);
            }
            session.history().create(connection); // a version table made by hand may come without history
            for (VersionTable.Change change : changes) {
                statement.addBatch(change.sql());
            }
            for (String revision : stamped) {
                MigrationScript script = scripts.script(revision);
                statement.addBatch(session.history().insertSql(revision, "stamp", script == null ? "" : script.message(),
                        script == null ? null : script.checksum(), config.appliedBy(), 0, true));
            }
            int[] counts = statement.executeBatch();
            Executor.checkCounts(changes, counts, new dev.retort.graph.Step(String.join(" ", stamped),
                    dev.retort.graph.Direction.UPGRADE, plan.current(), plan.resultingHeads()));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
