package dev.retort.runtime;

import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.script.ScriptDirectory;
import java.sql.SQLException;
import java.util.List;

/**
 * A dry run ({@code --dry-run}): reads the version table and plans, changing nothing. It takes
 * no lock, so it never waits for a running migrator, and reports what a run started now would do.
 * It fails like the real run would for unknown revisions and irreversible revisions.
 */
public final class PlanOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public PlanOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public Plan plan(Operation operation, List<String> targets, boolean purge) {
        try (Session session = Session.open(config)) {
            List<String> rows;
            try {
                rows = session.versions().read(session.connection());
            } catch (SQLException e) {
                throw session.databaseError("reading " + session.versions().name(), e);
            }
            rows = rows == null ? List.of() : rows;
            List<String> unknown = UnknownRevisions.find(rows, scripts);
            if (!unknown.isEmpty() && !(operation == Operation.STAMP && purge)) {
                throw UnknownRevisions.exception(unknown, session, operation.label());
            }
            switch (operation) {
                case UPGRADE:
                    return scripts.planner().upgrade(rows, single(targets, "head"));
                case DOWNGRADE: {
                    Plan plan = scripts.planner().downgrade(rows, single(targets, null));
                    RevisionWorks.forPlan(plan, scripts, session.dialect()); // irreversible revisions fail the dry run too
                    return plan;
                }
                default:
                    return scripts.planner().stamp(rows, targets, purge);
            }
        }
    }

    private static String single(List<String> targets, String fallback) {
        if (targets == null || targets.isEmpty()) {
            return fallback;
        }
        if (targets.size() > 1) {
            throw new IllegalArgumentException("upgrade and downgrade take one target, got " + targets
                    + "; only stamp takes several");
        }
        return targets.get(0);
    }
}
