package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.script.ScriptDirectory;
import dev.retort.graph.Direction;
import dev.retort.script.MigrationScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --sql}: the script a run would execute, for a dialect, without a connection. A range
 * {@code FROM:TO} says where the database is assumed to stand; without {@code FROM}, an upgrade
 * or stamp starts from base. A downgrade needs a range (as in Alembic).
 */
public final class OfflineSqlOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public OfflineSqlOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public String render(Operation operation, String target, boolean purge, String dialectName) {
        String name = dialectName != null ? dialectName : config.dialect();
        if (name == null) {
            throw new RetortException("Offline SQL needs a dialect, since there is no connection to detect it from: set "
                    + "the dialect (--dialect on the command line, or retort.dialect) to one of " + String.join(", ", Dialects.NAMES) + ".");
        }
        Dialect dialect = Dialects.forName(name);
        VersionTable versions = new VersionTable(dialect, config.schema(), config.versionTable());
        HistoryTable history = new HistoryTable(dialect, config.schema(), config.historyTable());
        Plan plan;
        List<RevisionWork> stamped = new ArrayList<>();
        switch (operation) {
            case UPGRADE:
                plan = scripts.planner().upgradeRange(target == null ? "head" : target);
                break;
            case DOWNGRADE:
                if (target == null || !target.contains(":")) {
                    throw new RetortException("Offline downgrade needs a range FROM:TO, e.g. 'head:base' or 'ae10:-1', not '"
                            + target + "': without a connection Retort cannot know which revisions the database is at.");
                }
                plan = scripts.planner().downgradeRange(target);
                break;
            default: {
                String spec = target == null ? "head" : target;
                int colon = spec.indexOf(':');
                List<String> rows = colon <= 0 ? List.of() : scripts.graph().resolve(spec.substring(0, colon)).stream()
                        .filter(r -> !r.equals("base")).toList();
                List<String> targets = Arrays.stream(spec.substring(colon + 1).split("[\\s,]+"))
                        .filter(s -> !s.isEmpty()).toList();
                plan = scripts.planner().stamp(rows, targets, purge);
                for (String revision : StampOperation.stampedRevisions(plan)) {
                    MigrationScript script = scripts.script(revision);
                    stamped.add(new RevisionWork(revision, Direction.UPGRADE, script == null ? "" : script.message(),
                            List.of(), script == null ? "" : script.location(), script == null ? null : script.checksum(),
                            true, List.of()));
                }
                break;
            }
        }
        List<RevisionWork> works = RevisionWorks.forPlan(plan, scripts, dialect);
        new Executor(dialect, versions, history, config.transactionMode(), config.appliedBy(), new Listeners(List.of()))
                .check(works);
        String script = new OfflineSqlRenderer(dialect, versions, history, config.transactionMode(), config.appliedBy())
                .render(plan, works, stamped);
        // With a schema configured the script works in it, as an online run does.
        return config.schema() == null ? script
                : "-- Work in schema " + config.schema() + " (retort.schema / --schema)\n"
                        + dialect.useSchemaStatement(config.schema()) + ";\n\n" + script;
    }
}
