package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/*
 * A single line of history:
 *
 *     a --> b --> c --> d
 *
 * Every upgrade runs the missing revisions oldest first and moves the one version-table row up;
 * every downgrade runs them newest first and moves it down.
 */
class LinearTest {

    private final RevisionGraph graph = graph("a", "a->b", "b->c", "c->d");
    private final Planner planner = new Planner(graph);

    @ParameterizedTest(name = "upgrade from [{0}] to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            |   head   | +a [a]; +b [b]; +c [c]; +d [d]
            |   heads  | +a [a]; +b [b]; +c [c]; +d [d]
            b | head   | +c [c]; +d [d]
            a | +2     | +b [b]; +c [c]
            |   +1     | +a [a]
            |   c      | +a [a]; +b [b]; +c [c]
            |   b+2    | +a [a]; +b [b]; +c [c]; +d [d]
            |   c-1    | +a [a]; +b [b]
            d | head   |
            b | base   |
            """)
    void upgradeRunsTheMissingRevisionsOldestFirst(String from, String target, String steps) {
        assertSteps(planner.upgrade(rows(from == null ? "" : from), target), split(steps));
    }

    @ParameterizedTest(name = "downgrade from [{0}] to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            d | base | -d [c]; -c [b]; -b [a]; -a []
            d | b    | -d [c]; -c [b]
            d | -2   | -d [c]; -c [b]
            d | d-3  | -d [c]; -c [b]; -b [a]
            c | a+1  | -c [b]
            b | b    |
            """)
    void downgradeUndoesTheAppliedRevisionsNewestFirst(String from, String target, String steps) {
        assertSteps(planner.downgrade(rows(from), target), split(steps));
    }

    @Test
    void downgradeToARevisionAboveTheCurrentOneIsNotReachable() {
        assertThatThrownBy(() -> planner.downgrade(rows("b"), "head"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessageContaining("'head' (d) is not below the current revisions b");
    }

    @Test
    void relativeWalksPastTheEndsAreRefused() {
        assertThatThrownBy(() -> planner.upgrade(rows("c"), "+2"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("walks past the newest revision");
        assertThatThrownBy(() -> planner.downgrade(rows("b"), "-3"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("walks below base");
        assertThatThrownBy(() -> planner.downgrade(rows(""), "-1"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("the database is at base");
    }

    @Test
    void relativeTargetsPointTheOtherWayAreRefused() {
        assertThatThrownBy(() -> planner.upgrade(rows("c"), "-1"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("retort downgrade -1");
        assertThatThrownBy(() -> planner.downgrade(rows("c"), "+1"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("retort upgrade +1");
    }

    @Test
    void theGraphKnowsItsEnds() {
        assertThat(graph.heads()).containsExactly("d");
        assertThat(graph.bases()).containsExactly("a");
        assertThat(graph.history(null)).containsExactly("d", "c", "b", "a");
        assertThat(graph.branchPoints()).isEmpty();
        assertThat(graph.mergePoints()).isEmpty();
        assertThat(graph.isAncestor("a", "d")).isTrue();
        assertThat(graph.isAncestor("d", "a")).isFalse();
    }

    @Test
    void aRangeIsNotAnOnlineTarget() {
        assertThatThrownBy(() -> planner.upgrade(rows(""), "a:c"))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("is a range");
    }

    @Test
    void anOfflineRangeStartsFromItsLowerEnd() {
        assertSteps(planner.upgradeRange("b:head"), "+c [c]", "+d [d]");
        assertSteps(planner.upgradeRange("base:b"), "+a [a]", "+b [b]");
        assertSteps(planner.downgradeRange("d:b"), "-d [c]", "-c [b]");
    }

    static String[] split(String steps) {
        if (steps == null || steps.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(steps.split(";")).map(String::trim).toArray(String[]::new);
    }
}
