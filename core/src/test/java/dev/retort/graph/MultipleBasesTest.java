package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/*
 * Two independent histories in one set of migrations (e.g. two modules of one service):
 *
 *     a --> b        a declares 'one'
 *     x --> y        x declares 'two'
 */
class MultipleBasesTest {

    private final RevisionGraph graph = graph("a @one", "a->b", "x @two", "x->y");
    private final Planner planner = new Planner(graph);

    @Test
    void eachRootIsABaseAndEachTipAHead() {
        assertThat(graph.bases()).containsExactly("a", "x");
        assertThat(graph.heads()).containsExactly("b", "y");
    }

    @Test
    void headsUpgradesEveryHistoryOneRowEach() {
        assertSteps(planner.upgrade(rows(""), "heads"), "+x [x]", "+y [y]", "+a [a y]", "+b [b y]");
    }

    @Test
    void headNeedsOneHead() {
        assertThatThrownBy(() -> planner.upgrade(rows(""), "head"))
                .isInstanceOfSatisfying(MultipleHeadsException.class, e -> {
                    assertThat(e.heads()).containsExactly("b", "y");
                    assertThat(e.argument()).isEqualTo("head");
                })
                .hasMessageContaining("'head' names 2 heads (b, y)")
                .hasMessageContaining("retort merge")
                .hasMessageContaining("'<branch-label>@head'");
    }

    @Test
    void labelAtBaseDowngradesOnlyThatHistory() {
        assertSteps(planner.downgrade(rows("b y"), "two@base"), "-y [b x]", "-x [b]");
    }

    @Test
    void baseDowngradesEverything() {
        assertSteps(planner.downgrade(rows("b y"), "base"), "-b [a y]", "-a [y]", "-y [x]", "-x []");
    }

    @Test
    void upgradingOneHistoryLeavesTheOtherAlone() {
        assertSteps(planner.upgrade(rows("b"), "two@head"), "+x [b x]", "+y [b y]");
    }
}
