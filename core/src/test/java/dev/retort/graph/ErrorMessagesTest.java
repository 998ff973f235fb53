package dev.retort.graph;

import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/*
 * Each error says what was asked, what exists and what to do:
 *
 *            +--> b1234567 --> c1234567 (@shop)
 *     a1234 -+
 *            +--> x1234567
 */
class ErrorMessagesTest {

    private final RevisionGraph graph = graph("a1234", "a1234->b1234567", "b1234567->c1234567 @shop", "a1234->x1234567");
    private final Planner planner = new Planner(graph);

    @Test
    void severalHeadsWhereOneIsNeeded() {
        assertThatThrownBy(() -> planner.upgrade(rows(""), "head"))
                .hasMessage("'head' names 2 heads (c1234567, x1234567) where one revision is needed; name one of"
                        + " them, use '<branch-label>@head' to pick the head of one branch, 'heads' for all of them,"
                        + " or join them with `retort merge` (`retort heads` lists them)");
    }

    @Test
    void unknownRevision() {
        assertThatThrownBy(() -> planner.upgrade(rows(""), "c1234568"))
                .hasMessage("No revision or branch label matches 'c1234568'; the nearest are c1234567;"
                        + " `retort history` lists every revision and `retort branches` the labels");
    }

    @Test
    void ambiguousPrefix() {
        RevisionGraph g = graph("ae1027a6acf", "ae1027a6acf->ae10b3c4d5e");
        assertThatThrownBy(() -> g.resolveOne("ae10"))
                .hasMessage("'ae10' is the start of 2 revision ids (ae1027a6acf, ae10b3c4d5e); type more of the id to pick one");
    }

    @Test
    void targetNotReachableInTheAskedDirection() {
        assertThatThrownBy(() -> planner.downgrade(rows("b1234567"), "c1234567"))
                .hasMessage("'c1234567' (c1234567) is not below the current revisions b1234567, so a downgrade cannot"
                        + " reach it; use `retort upgrade` to go up, or `retort current` to see where the database is");
    }

    @Test
    void walkPastTheHead() {
        assertThatThrownBy(() -> planner.upgrade(rows("c1234567"), "+1"))
                .hasMessage("'+1' walks past the newest revision: there are fewer than 1 revisions above the"
                        + " starting point; use a smaller step or 'head'");
    }

    @Test
    void ambiguousWalk() {
        assertThatThrownBy(() -> planner.upgrade(rows("a1234"), "+1"))
                .hasMessage("'+1' is ambiguous: above a1234 the history splits into b1234567, x1234567; name the"
                        + " revision to walk from, or use '<branch-label>@+N' to follow one branch");
    }

    @Test
    void newRevisionOnANonHead() {
        assertThatThrownBy(() -> new NewRevisionPlanner(graph).revision("f00d", "b1234567", false, null, List.of()))
                .hasMessage("Revision b1234567 is not a head (it is revised by c1234567); use --splice to start a new"
                        + " branch from it, or build on a head");
    }

    @Test
    void versionTableRowsOnOneLineOfHistory() {
        assertThatThrownBy(() -> planner.upgrade(rows("b1234567 c1234567"), "heads"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("The version table holds c1234567 and b1234567, which is below it on the same line of history;"
                        + " the table should hold only the tips of the applied branches. Check `retort current` and repair"
                        + " the rows with `retort stamp --purge <revisions>`");
    }
}
