package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/*
 * Two branches from one base, each named by a label declared on its first revision:
 *
 *            +--> b --> c        b declares 'shop'
 *     a -----+
 *            +--> x --> y        x declares 'net'
 *
 * A label spreads to every descendant of the revision declaring it, and down through its
 * ancestors until the previous branch point (a here, which keeps no label).
 */
class LabelsTest {

    private final RevisionGraph graph = graph("a", "a->b @shop", "b->c", "a->x @net", "x->y");
    private final Planner planner = new Planner(graph);

    @Test
    void labelsSpreadAlongTheirBranch() {
        assertThat(graph.branchLabels()).isEqualTo(Map.of(
                "b", Set.of("shop"), "c", Set.of("shop"), "x", Set.of("net"), "y", Set.of("net")));
    }

    @Test
    void labelAtHeadNamesTheHeadOfThatBranch() {
        assertThat(graph.resolveOne("shop@head")).isEqualTo("c");
        assertThat(graph.resolveOne("net@head")).isEqualTo("y");
        assertSteps(planner.upgrade(rows(""), "shop@head"), "+a [a]", "+b [b]", "+c [c]");
        assertSteps(planner.upgrade(rows("c"), "net@head"), "+x [c x]", "+y [c y]");
    }

    @Test
    void aLabelAloneNamesTheRevisionThatDeclaresIt() {
        assertThat(graph.resolveOne("shop")).isEqualTo("b");
        assertThat(graph.resolve("net@heads")).containsExactly("y");
    }

    @Test
    void idAtHeadNamesTheHeadAboveThatRevision() {
        assertThat(graph.resolveOne("x@head")).isEqualTo("y");
        assertThatThrownBy(() -> graph.resolveOne("a@head")).isInstanceOf(MultipleHeadsException.class);
    }

    @Test
    void labelRelativeStepsStayOnTheBranch() {
        assertSteps(planner.upgrade(rows("b y"), "shop@+1"), "+c [c y]");
        assertSteps(planner.downgrade(rows("c y"), "shop@-1"), "-c [b y]");
        // the branch has no row yet: start from where it leaves the applied history
        assertSteps(planner.upgrade(rows("c"), "net@+1"), "+x [c x]");
    }

    @Test
    void aRevisionNotOnTheNamedBranchIsRefused() {
        assertThatThrownBy(() -> graph.resolveOne("shop@y"))
                .isInstanceOfSatisfying(ResolutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResolutionException.Reason.NOT_ON_BRANCH))
                .hasMessageContaining("Revision y is not on branch 'shop'");
    }

    @Test
    void anUnknownLabelListsTheKnownOnes() {
        assertThatThrownBy(() -> graph.resolveOne("shopp@head"))
                .isInstanceOf(ResolutionException.class)
                .hasMessageContaining("No revision or branch label matches 'shopp'")
                .hasMessageContaining("the nearest are shop");
        assertThatThrownBy(() -> graph.resolveOne("shopp@b"))
                .isInstanceOf(ResolutionException.class)
                .hasMessageContaining("No branch label or revision matches 'shopp'")
                .hasMessageContaining("the branch labels are net, shop");
    }

    @Test
    void labelAtBaseWithOneSharedRootUndoesEverythingAboveIt() {
        // Filtering by label only happens when there are several roots to choose from; here
        // both branches grow from the single root a, so 'shop@base' downgrades both (as
        // Alembic does). Use 'shop@a' or 'b@-1' to undo one branch.
        assertSteps(planner.downgrade(rows("c y"), "shop@base"),
                "-c [b y]", "-b [y]", "-y [x]", "-x [a]", "-a []");
        assertSteps(planner.downgrade(rows("c y"), "shop@a"), "-c [b y]", "-b [y]");
    }

    /*
     *     a --> b --> c      c declares 'tail': on a single line the label reaches back to
     *                        the base, so every revision carries it
     */
    @Test
    void onASingleLineALabelReachesBackToTheBase() {
        RevisionGraph g = graph("a", "a->b", "b->c @tail");
        assertThat(g.branchLabels()).isEqualTo(Map.of("a", Set.of("tail"), "b", Set.of("tail"), "c", Set.of("tail")));
    }
}
