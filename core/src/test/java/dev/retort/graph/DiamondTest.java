package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/*
 * A branch point a, two branches b and c, and the merge m that revises (b, c) in that order:
 *
 *            +--> b --+
 *     a -----+        +--> m
 *            +--> c --+
 *
 * The version table holds one row per unmerged branch: [b c] between a and m.
 */
class DiamondTest {

    private final RevisionGraph graph = graph("a", "a->b", "a->c", "b,c->m");
    private final Planner planner = new Planner(graph);

    @Test
    void upgradeThroughTheMergeAppliesTheSecondParentsSideFirst() {
        // For m = (b, c) Alembic applies c's side before b's: the order walks down from m,
        // takes b's line first, and an upgrade runs that order reversed.
        assertSteps(planner.upgrade(rows(""), "head"),
                "+a [a]",
                "+c [c]",        // the one row moves from a to c
                "+b [b c]",      // a is no longer a row, so b gets a row of its own
                "+m [m]");       // both parents are rows: they merge into one
    }

    @Test
    void upgradeFromOneSideOfTheMergeRunsOnlyTheOtherSide() {
        assertSteps(planner.upgrade(rows("b"), "m"), "+c [b c]", "+m [m]");
    }

    @Test
    void upgradeToOneBranchLeavesTheOtherAlone() {
        assertSteps(planner.upgrade(rows("b"), "c"), "+c [b c]");
    }

    @Test
    void downgradeAcrossTheMergePointUnmergesIntoBothParents() {
        assertSteps(planner.downgrade(rows("m"), "a"),
                "-m [b c]",      // the merge row splits into its parents
                "-b [c]",        // a is still implied by c, so b's row just goes
                "-c [a]");
    }

    @Test
    void downgradeToOneParentUndoesOnlyTheMerge() {
        assertSteps(planner.downgrade(rows("m"), "b"), "-m [b c]");
    }

    @Test
    void downgradeAcrossTheBranchPointRemovesBothBranches() {
        assertSteps(planner.downgrade(rows("b c"), "a"), "-b [c]", "-c [a]");
    }

    @Test
    void downgradeMinusOneFromAMergeIsAnAmbiguousWalk() {
        assertThatThrownBy(() -> planner.downgrade(rows("m"), "-1"))
                .isInstanceOfSatisfying(RelativeWalkException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RelativeWalkException.Reason.AMBIGUOUS);
                    assertThat(e.choices()).containsExactly("b", "c");
                })
                .hasMessageContaining("below m the history splits into b, c");
    }

    @Test
    void upgradePlusOneFromTheBranchPointIsAnAmbiguousWalk() {
        assertThatThrownBy(() -> planner.upgrade(rows("a"), "+1"))
                .isInstanceOfSatisfying(RelativeWalkException.class,
                        e -> assertThat(e.choices()).containsExactly("b", "c"))
                .hasMessageContaining("above a the history splits into b, c");
    }

    @Test
    void headNamesTheOneHeadOnceTheBranchesAreMerged() {
        assertThat(graph.resolveOne("head")).isEqualTo("m");
        assertThat(graph.branchPoints()).containsEntry("a", java.util.List.of("b", "c"));
        assertThat(graph.mergePoints()).containsExactly("m");
        assertThat(graph.history(null)).containsExactly("m", "b", "c", "a");
    }

    @Test
    void currentShowsTheTipsOfWhatIsApplied() {
        assertThat(graph.current(rows("b c"))).containsExactly("b", "c");
        assertThat(graph.current(rows("m"))).containsExactly("m");
    }
}
