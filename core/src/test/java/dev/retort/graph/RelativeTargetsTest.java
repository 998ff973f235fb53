package dev.retort.graph;

import static dev.retort.graph.Graphs.assertSteps;
import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/*
 * Relative targets walk the graph one revision at a time:
 *
 *                        +--> d
 *     a --> b --> c -----+
 *                        +--> e
 *
 * +N / -N walk from the current revision, id+N / id-N from a revision, label@+N / label@-N
 * along a branch. A walk that must choose (a branch point going up, a merge going down) or
 * that runs out of revisions is refused.
 */
class RelativeTargetsTest {

    private final RevisionGraph graph = graph("a", "a->b", "b->c", "c->d", "c->e");
    private final Planner planner = new Planner(graph);

    @ParameterizedTest(name = "upgrade from [{0}] to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a   | +2     | +b [b]; +c [c]
                | +1     | +a [a]
                | b+1    | +a [a]; +b [b]; +c [c]
                | d-2    | +a [a]; +b [b]
            c   | d      | +d [d]
            d   | e      | +e [d e]
            """)
    void relativeUpgrades(String from, String target, String steps) {
        assertSteps(planner.upgrade(rows(from == null ? "" : from), target), LinearTest.split(steps));
    }

    @ParameterizedTest(name = "downgrade from [{0}] to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            d   | -1     | -d [c]
            d   | -3     | -d [c]; -c [b]; -b [a]
            d e | d-1    | -d [e]; -e [c]
            d e | d@-1   | -d [e]
            c   | b-1    | -c [b]; -b [a]
            """)
    void relativeDowngrades(String from, String target, String steps) {
        assertSteps(planner.downgrade(rows(from), target), LinearTest.split(steps));
    }

    @ParameterizedTest(name = "upgrade from [{0}] to {1} is refused: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            c   | +1   | AMBIGUOUS | above c the history splits into d, e
            b   | +2   | AMBIGUOUS | above c the history splits into d, e
            d   | +1   | TOO_FAR   | walks past the newest revision
                | d+1  | TOO_FAR   | walks past the newest revision
            d e | +1   | NO_START  | the database is at several revisions (d, e)
            """)
    void refusedUpgradeWalks(String from, String target, RelativeWalkException.Reason reason, String message) {
        assertThatThrownBy(() -> planner.upgrade(rows(from == null ? "" : from), target))
                .isInstanceOfSatisfying(RelativeWalkException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Test
    void downgradeMinusOneFromSeveralHeadsIsRefusedAndListsThem() {
        // Alembic warns and picks the first row; Retort refuses rather than guess.
        assertThatThrownBy(() -> planner.downgrade(rows("d e"), "-1"))
                .isInstanceOfSatisfying(MultipleHeadsException.class, e -> assertThat(e.heads()).containsExactly("d", "e"))
                .hasMessageContaining("the database is at 2 heads (d, e)")
                .hasMessageContaining("'d-1'");
    }

    @Test
    void downgradeBelowBaseIsRefused() {
        assertThatThrownBy(() -> planner.downgrade(rows("b"), "-3"))
                .isInstanceOfSatisfying(RelativeWalkException.class,
                        e -> assertThat(e.reason()).isEqualTo(RelativeWalkException.Reason.TOO_FAR));
        assertThatThrownBy(() -> planner.upgrade(rows(""), "a-1"))
                .isInstanceOf(RelativeWalkException.class).hasMessageContaining("walks below the first revision");
    }

    @Test
    void resolveWalksDownFromEveryHead() {
        assertThat(graph.resolve("-1")).containsExactly("c", "c");
        assertThat(graph.resolve("-3")).containsExactly("a", "a");
        assertThat(graph.resolve("-4")).containsExactly("base", "base");
        assertThatThrownBy(() -> graph.resolve("-5")).isInstanceOf(RelativeWalkException.class);
        // a single revision is needed: '-1' is not an id
        assertThatThrownBy(() -> graph.resolveOne("-1")).isInstanceOf(ResolutionException.class);
    }

    /*
     *     a --> b --+
     *     x --> y --+--> m       m merges three lines; -2 from m must choose
     *     p --------+
     */
    @Test
    void walkingDownAcrossAThreeWayMergeIsAmbiguous() {
        RevisionGraph g = graph("a", "a->b", "x", "x->y", "p", "b,y,p->m");
        assertThatThrownBy(() -> new Planner(g).downgrade(rows("m"), "-2"))
                .isInstanceOfSatisfying(RelativeWalkException.class,
                        e -> assertThat(e.choices()).containsExactly("b", "y", "p"));
    }
}
