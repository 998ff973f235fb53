package dev.retort.graph;

import static dev.retort.graph.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/*
 * The header `retort revision` and `retort merge` write:
 *
 *            +--> b --> c        c declares 'shop'
 *     a -----+
 *            +--> x              x declares 'net'
 */
class NewRevisionTest {

    private final RevisionGraph graph = graph("a", "a->b", "b->c @shop", "a->x @net");
    private final NewRevisionPlanner planner = new NewRevisionPlanner(graph);

    @Test
    void withSeveralHeadsARevisionNeedsHead() {
        assertThatThrownBy(() -> planner.revision("f00d00000001", null, false, null, List.of()))
                .isInstanceOfSatisfying(MultipleHeadsException.class, e -> assertThat(e.heads()).containsExactly("c", "x"))
                .hasMessageContaining("needs --head")
                .hasMessageContaining("retort merge heads");
    }

    @Test
    void aRevisionOnABranchHeadRevisesIt() {
        assertThat(planner.revision("f00d00000001", "shop@head", false, null, List.of()))
                .isEqualTo(new NewRevision("f00d00000001", List.of("c"), List.of(), List.of()));
        assertThat(planner.revision("f00d00000001", "x", false, "edge", List.of()))
                .isEqualTo(new NewRevision("f00d00000001", List.of("x"), List.of(), List.of("edge")));
    }

    @Test
    void aRevisionOnANonHeadNeedsSplice() {
        assertThatThrownBy(() -> planner.revision("f00d00000001", "b", false, null, List.of()))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("Revision b is not a head (it is revised by c); use --splice");
        assertThat(planner.revision("f00d00000001", "b", true, null, List.of()).revises()).containsExactly("b");
    }

    @Test
    void headBaseStartsANewRoot() {
        assertThat(planner.revision("f00d00000001", "base", false, "reports", List.of()))
                .isEqualTo(new NewRevision("f00d00000001", List.of(), List.of(), List.of("reports")));
    }

    @Test
    void dependsOnIsWrittenAsFullIdsButLabelsAreKept() {
        assertThat(planner.revision("f00d00000001", "x", false, null, List.of("shop", "b")).dependsOn())
                .containsExactly("shop", "b");
        RevisionGraph g = graph("ae1027a6acf", "ae1027a6acf->27c6a30d7c24");
        assertThat(new NewRevisionPlanner(g).revision("f00d00000001", null, false, null, List.of("ae10")).dependsOn())
                .containsExactly("ae1027a6acf");
    }

    @Test
    void aLabelAlreadyInUseIsRefused() {
        assertThatThrownBy(() -> planner.revision("f00d00000001", "x", false, "shop", List.of()))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("Branch label 'shop' is already used by revision c");
        assertThatThrownBy(() -> planner.revision("f00d00000001", "x", false, "b", List.of()))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("already the id of revision b");
    }

    @Test
    void anExistingOrMalformedIdIsRefused() {
        assertThatThrownBy(() -> planner.revision("c", "x", false, null, List.of()))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> planner.revision("bad-id", "x", false, null, List.of()))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("is not valid");
    }

    @Test
    void mergeRevisesEveryHeadInOrder() {
        assertThat(planner.merge(List.of("heads"), "f00d00000002"))
                .isEqualTo(new NewRevision("f00d00000002", List.of("c", "x"), List.of(), List.of()));
        assertThat(planner.merge(List.of("x", "shop@head"), "f00d00000002").revises()).containsExactly("x", "c");
    }

    @Test
    void mergeRefusesNonHeadsAndDuplicates() {
        assertThatThrownBy(() -> planner.merge(List.of("b", "x"), "f00d00000002"))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("merge only heads");
        assertThatThrownBy(() -> planner.merge(List.of("x", "x"), "f00d00000002"))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("named twice");
    }

    @Test
    void mergingASingleHeadCreatesAnOrdinaryChild() {
        assertThat(planner.merge(List.of("x"), "f00d00000002").revises()).containsExactly("x");
    }

    @Test
    void theNewHeaderBuildsAValidGraph() {
        NewRevision merge = planner.merge(List.of("heads"), "f00d00000002");
        List<Revision> all = new java.util.ArrayList<>(graph.revisions());
        all.add(merge.toRevision("merge heads"));
        assertThat(RevisionGraph.of(all).heads()).containsExactly("f00d00000002");
    }
}
