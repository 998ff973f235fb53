package dev.retort.cli.command;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
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
    JsonOption json;

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
                printPlan(plan, views);
            }
            return ExitCodes.OK;
        }
        MigrationResult result = execute(retort);
        if (json.enabled()) {
            printJson(JsonShapes.RunJson.of(result));
        } else {
            printOutcome(result);
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

    void printOutcome(MigrationResult result) {
        if (result.operation() == Operation.STAMP) {
            out().println("Running stamp_revision " + String.join(", ", result.from()) + " -> "
                    + String.join(", ", result.resultingHeads()));
        } else if (result.applied().isEmpty()) {
            out().println("Nothing to do: the database is already at " + describe(result.resultingHeads()) + ".");
        }
        if (verbose()) {
            out().println("Done: " + result.applied().size() + " revision(s) in "
                    + (result.duration() == null ? 0 : result.duration().toMillis()) + " ms; the database is now at "
                    + describe(result.resultingHeads()) + ".");
        }
    }

    private void printPlan(Plan plan, Map<String, RevisionView> views) {
        out().println("Plan for " + plan.operation().label() + " " + plan.target() + " (current: "
                + describe(plan.current()) + "):");
        if (plan.operation() == Operation.STAMP) {
            out().println("  stamp_revision " + String.join(", ", plan.current()) + " -> "
                    + String.join(", ", plan.resultingHeads()) + " (no SQL runs: a stamp only rewrites the version table)");
        } else if (plan.steps().isEmpty()) {
            out().println("  nothing to do");
        }
        for (Step step : plan.steps()) {
            out().println("  " + ProgressPrinter.line(step, views));
        }
        out().println("Resulting heads: " + describe(plan.resultingHeads()));
        out().println("Nothing was changed (--dry-run).");
    }

    static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
