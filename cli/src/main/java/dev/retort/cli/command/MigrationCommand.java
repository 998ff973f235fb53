package dev.retort.cli.command;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.graph.StampChange;
import dev.retort.graph.Step;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What upgrade, downgrade and stamp share: a real run (with {@code Running ...} lines), a
 * {@code --dry-run} plan, and {@code --sql} offline scripts.
 */
abstract class MigrationCommand extends EngineCommand {

    @Option(names = "--sql", order = 10,
            description = "Don't connect: print the SQL script, version-table changes included, for --dialect "
                    + "(or the URL's dialect). Takes FROM:TO ranges.")
    boolean sql;

    @Option(names = "--dry-run", order = 11, description = "Connect and print the plan; change nothing.")
    boolean dryRun;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    JsonOption json;

    @Override
    protected Map<String, String> settingFlags() {
        return lockTimeout.settingFlags(spec);
    }

    abstract Operation operation();

    /** The targets as typed (one for upgrade and downgrade). */
    abstract List<String> targets();

    boolean purge() {
        return false;
    }

    /** Runs the operation on the database and returns what it did. */
    abstract MigrationResult execute(Retort retort);

    @Override
    protected int run() {
        if (sql && dryRun) {
            throw usage("--sql and --dry-run exclude each other: --sql prints SQL without connecting, "
                    + "--dry-run connects and prints the plan.");
        }
        if (sql && json.enabled()) {
            throw usage("--json does not go with --sql: the output of --sql is an SQL script.");
        }
        if (sql) {
            return offline();
        }
        ProgressPrinter progress = new ProgressPrinter(out(), verbose());
        Retort retort = workspace().retort(true, json.enabled() ? null : progress);
        requireRevisions(retort);
        Map<String, RevisionView> views = views(retort);
        progress.views(views);
        if (dryRun) {
            Plan plan = retort.plan(operation(), targets(), purge());
            plan.warnings().forEach(warning -> err().println("WARNING: " + warning));
            if (json.enabled()) {
                printJson(JsonShapes.PlanJson.of(plan, JsonShapes.messages(views)));
            } else {
                printPlan(plan, views, retort);
            }
            return ExitCodes.OK;
        }
        MigrationResult result = execute(retort);
        if (json.enabled()) {
            printJson(JsonShapes.RunJson.of(result));
        } else {
            printOutcome(result, retort);
        }
        return ExitCodes.OK;
    }

    private int offline() {
        String dialect = workspace().offlineDialect();
        Retort retort = workspace().retort(false, null);
        requireRevisions(retort);
        out().print(retort.offlineSql(operation(), String.join(",", targets()), purge(), dialect));
        return ExitCodes.OK;
    }

    void printOutcome(MigrationResult result, Retort retort) {
        if (result.operation() == Operation.STAMP) {
            // Alembic logs one "Running stamp_revision FROM -> TO" per change, an empty side for a new
            // row or a removed one; the engine's result has only the table before and after, so the
            // changes are planned again from the rows the stamp started from (same input, same answer).
            List<StampChange> changes = retort.scripts().planner().stampChanges(result.from(), targets(), purge());
            for (StampChange change : changes) {
                out().println("Running " + stampLine(change));
            }
            if (changes.isEmpty()) {
                out().println(nothingToStamp(result.resultingHeads()));
            }
        } else if (result.applied().isEmpty()) {
            out().println("Nothing to do: the database is already at " + describe(result.resultingHeads()) + ".");
        }
        if (verbose()) {
            out().println("Done: " + result.applied().size() + " revision(s) in "
                    + (result.duration() == null ? 0 : result.duration().toMillis()) + " ms; the database is now at "
                    + describe(result.resultingHeads()) + ".");
        }
    }

    private void printPlan(Plan plan, Map<String, RevisionView> views, Retort retort) {
        out().println("Plan for " + plan.operation().label() + " " + plan.target() + " (current: "
                + describe(plan.current()) + "):");
        if (plan.operation() == Operation.STAMP) {
            List<StampChange> changes = retort.scripts().planner().stampChanges(plan.current(), targets(), purge());
            for (StampChange change : changes) {
                out().println("  " + stampLine(change));
            }
            out().println(changes.isEmpty() ? "  nothing to do"
                    : "  (no SQL runs: a stamp only rewrites the version table)");
        } else if (plan.steps().isEmpty()) {
            out().println("  nothing to do");
        }
        for (Step step : plan.steps()) {
            out().println("  " + ProgressPrinter.line(step, views));
        }
        out().println("Resulting heads: " + describe(plan.resultingHeads()));
        out().println("Nothing was changed (--dry-run).");
    }

    /** Alembic's wording: {@code stamp_revision a1 -> c1}; a side is empty for a new or removed row. */
    static String stampLine(StampChange change) {
        return "stamp_revision " + String.join(", ", change.from()) + " -> " + String.join(", ", change.to());
    }

    static String nothingToStamp(List<String> rows) {
        return rows.isEmpty() ? "Nothing to do: the database is already at base (no revision recorded)."
                : "Nothing to do: the version table already holds " + String.join(", ", rows) + ".";
    }

    static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
