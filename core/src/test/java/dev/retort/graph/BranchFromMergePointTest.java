package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/*
 * A merge point that is also a branch point:
 *
 *            +--> b --+           +--> x
 *     a -----+        +--> m -----+
 *            +--> c --+           +--> y
 */
class BranchFromMergePointTest {

    private final RevisionGraph graph = graph("a", "a->b", "a->c", "b,c->m", "m->x", "m->y");
    private final Planner planner = new Planner(graph);

    @Test
    void headIsAmbiguousButHeadsUpgradesBothBranches() {
        assertThatThrownBy(() -> planner.upgrade(rows(""), "head"))
                .isInstanceOfSatisfying(MultipleHeadsException.class, e -> assertThat(e.heads()).containsExactly("x", "y"));
        // The order walks down from the first head (x) first, so x's branch runs last.
        assertSteps(planner.upgrade(rows(""), "heads"),
                "+a [a]", "+c [c]", "+b [b c]", "+m [m]", "+y [y]", "+x [x y]");
    }

    @Test
    void upgradeOneBranchAboveTheMerge() {
        assertSteps(planner.upgrade(rows("m"), "y"), "+y [y]");
        assertSteps(planner.upgrade(rows("x"), "y"), "+y [x y]");
    }

    @Test
    void downgradeToTheMergePointUndoesBothBranchesAboveIt() {
        // x's parent m is still implied by y, so x's row is deleted rather than moved to m.
        assertSteps(planner.downgrade(rows("x y"), "m"), "-x [y]", "-y [m]");
    }

    @Test
    void downgradeBelowTheMergeGoesBackThroughBothParents() {
        assertSteps(planner.downgrade(rows("x y"), "a"),
                "-x [y]", "-y [m]", "-m [b c]", "-b [c]", "-c [a]");
    }

    @Test
    void downgradeToTheRevisionBelowOneHeadUndoesEveryBranchAboveIt() {
        // x-1 names m, and downgrading to m undoes all of m's applied descendants, y included
        // (as in Alembic). To undo only x, use 'x@-1' or a branch label.
        assertSteps(planner.downgrade(rows("x y"), "x-1"), "-x [y]", "-y [m]");
        assertSteps(planner.downgrade(rows("x y"), "x@-1"), "-x [y]");
    }
}
