package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/*
 * Two independent roots; y on the second depends on b on the first:
 *
 *     a --> b --> c
 *           :
 *           : depends-on
 *           v
 *     x --> y
 *
 * depends-on orders revisions across branches without merging them.
 */
class DependsOnAcrossBranchesTest {

    private final RevisionGraph graph = graph("a", "a->b", "b->c", "x", "x->y needs:b");
    private final Planner planner = new Planner(graph);

    @Test
    void upgradingTheDependantPullsInItsDependencyFirst() {
        assertSteps(planner.upgrade(rows(""), "y"),
                "+a [a]", "+b [b]",
                "+x [b x]",
                "+y [y]");       // y's row replaces both x and b: b is implied by y now
    }

    @Test
    void theDependencyLeavesNoRowOfItsOwnButCurrentStillShowsIt() {
        assertThat(planner.upgrade(rows(""), "y").resultingHeads()).containsExactly("y");
        // current lists the effective heads: what the rows imply, reduced to the tips.
        assertThat(graph.current(rows("y"))).containsExactly("b", "y");
    }

    @Test
    void upgradingTheOtherBranchPastTheDependencyAddsARowAgain() {
        assertSteps(planner.upgrade(rows("y"), "c"), "+c [c y]");
    }

    @Test
    void downgradingTheDependencyAlsoUndoesItsDependant() {
        assertSteps(planner.downgrade(rows("y"), "a"),
                "-y [b x]",      // y splits back into its parent and its dependency
                "-b [a x]");
    }

    @Test
    void downgradingTheDependantLeavesTheDependencyApplied() {
        assertSteps(planner.downgrade(rows("y"), "x"), "-y [b x]");
    }

    @Test
    void theDependencyIsNotAHeadOfTheGraphButADependantIsAnEffectiveHeadOnlyWhenNothingRevisesIt() {
        assertThat(graph.heads()).containsExactly("c", "y");
        assertThat(graph.realHeads()).containsExactly("c", "y");
        assertThat(graph.isAncestor("b", "y")).isTrue();
        assertThat(graph.history(null)).containsExactly("c", "y", "x", "b", "a");
    }

    /*
     *     a --> b          b is a head, but d depends on it:
     *           :          b is an "effective head" (heads) but not a real head
     *     x --> d
     */
    @Test
    void aHeadThatAnotherRevisionDependsOnIsOnlyAnEffectiveHead() {
        RevisionGraph g = graph("a", "a->b", "x", "x->d needs:b");
        assertThat(g.heads()).containsExactly("b", "d");
        assertThat(g.realHeads()).containsExactly("d");
        assertThat(g.effectiveHeads()).containsExactly("b");
        assertThat(g.resolve("heads")).containsExactly("d");
        assertSteps(new Planner(g).upgrade(rows(""), "heads"), "+a [a]", "+b [b]", "+x [b x]", "+d [d]");
    }

    /*
     *     a --> b --> c      c depends on a, which its parent b already brings in:
     *      `.........^       the dependency changes nothing
     */
    @Test
    void aDependencyOnAnAncestorChangesNothing() {
        RevisionGraph g = graph("a", "a->b", "b->c needs:a");
        assertSteps(new Planner(g).upgrade(rows(""), "c"), "+a [a]", "+b [b]", "+c [c]");
        assertSteps(new Planner(g).downgrade(rows("c"), "a"), "-c [b]", "-b [a]");
    }

    /*
     *     a --> b            (label: core on a)
     *     x --> y            y depends on the label 'core', i.e. on a
     */
    @Test
    void aDependencyMayNameABranchLabel() {
        RevisionGraph g = graph("a @core", "a->b", "x", "x->y needs:core");
        assertThat(g.isAncestor("a", "y")).isTrue();
        assertSteps(new Planner(g).upgrade(rows(""), "y"), "+a [a]", "+x [a x]", "+y [y]");
    }
}
