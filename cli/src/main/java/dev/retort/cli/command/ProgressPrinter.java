package dev.retort.cli.command;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code Running upgrade 9c0d1e2f3a4b -> 4f2a9c1b7d3e, add status} before each step
 * runs, as Alembic does, so that after a failure the last line names the failing revision.
 */
final class ProgressPrinter implements MigrationListener {

    private final PrintWriter out;
    private final boolean verbose;
    private Map<String, RevisionView> views = Map.of();
    private List<Step> steps = List.of();
    private int next;

    ProgressPrinter(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** The revisions to take messages and parents from; set once the scripts are loaded. */
    void views(Map<String, RevisionView> views) {
        this.views = views;
    }

    @Override
    public void runStarting(Plan plan) {
        steps = plan.steps();
        next = 0;
        announceNext();
    }

    @Override
    public void revisionApplied(AppliedRevision revision) {
        if (verbose && revision.duration() != null) {
            out.println("  done in " + revision.duration().toMillis() + " ms");
        }
        announceNext();
    }

    private void announceNext() {
        if (next < steps.size()) {
            out.println("Running " + line(steps.get(next), views));
            out.flush();
            next++;
        }
    }

    /** {@code upgrade 9c0d1e2f3a4b -> 4f2a9c1b7d3e, add status} for one step of a plan. */
    static String line(Step step, Map<String, RevisionView> views) {
        RevisionView view = views.get(step.revision());
        List<String> revises = view == null ? List.of() : view.revises();
        String message = view == null ? "" : view.message();
        return AlembicText.step(step.direction(), step.revision(), revises, message);
    }
}
