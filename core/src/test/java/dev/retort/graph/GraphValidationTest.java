package dev.retort.graph;

import static dev.retort.graph.Graphs.revisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Invalid sets of revisions are refused when the graph is built, with every problem listed
 * (each pointing at a revision and header field) rather than only the first.
 */
class GraphValidationTest {

    private static GraphException refused(String... edges) {
        return refused(revisions(edges));
    }

    private static GraphException refused(List<Revision> revisions) {
        try {
            RevisionGraph.of(revisions);
        } catch (GraphException e) {
            return e;
        }
        throw new AssertionError("the graph was accepted");
    }

    /*
     *     a --> c --> b --> a     (a revises c, which revises b, which revises a)
     */
    @Test
    void aCycleIsReportedWithItsPath() {
        GraphException e = refused("c->a", "b->c", "a->b");
        assertThat(e).isInstanceOfSatisfying(CycleException.class, c -> {
            assertThat(c.path()).containsExactly("a", "c", "b", "a");
            assertThat(c.throughDependsOn()).isFalse();
        });
        assertThat(e).hasMessageContaining("a revises c, which revises b, which revises a");
        assertThat(e.problems()).extracting(GraphProblem::kind).containsExactly(GraphProblem.Kind.CYCLE);
    }

    /*
     *     a --> b --> c,  a depends on c
     */
    @Test
    void aCycleThroughDependsOnIsReportedAsSuch() {
        GraphException e = refused("a needs:c", "a->b", "b->c");
        assertThat(e).isInstanceOfSatisfying(CycleException.class, c -> assertThat(c.throughDependsOn()).isTrue());
        assertThat(e).hasMessageContaining("depends on c");
        assertThat(e.problems()).extracting(GraphProblem::field).containsExactly("depends-on");
    }

    @Test
    void selfReferencesAreRefused() {
        GraphException e = refused("a", "b->b", "c needs:c");
        assertThat(e.problems()).extracting(GraphProblem::kind)
                .containsExactly(GraphProblem.Kind.SELF_LOOP, GraphProblem.Kind.DEPENDENCY_SELF_LOOP);
        assertThat(e.problems()).extracting(GraphProblem::revision).containsExactly("b", "c");
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() {
        GraphException e = refused(
                "a @shop",
                "a->b",
                "zz9->c",            // unknown parent
                "b->d needs:nope",   // unknown dependency
                "shop->e",           // a label used as a parent
                "b->f @b",           // a label equal to an id
                "b->g @shop",        // a label declared twice
                "b->head");          // a reserved id
        assertThat(e.problems()).extracting(GraphProblem::kind).containsExactlyInAnyOrder(
                GraphProblem.Kind.MISSING_REVISES, GraphProblem.Kind.MISSING_DEPENDS_ON,
                GraphProblem.Kind.LABEL_AS_REVISES, GraphProblem.Kind.LABEL_CONFLICT,
                GraphProblem.Kind.LABEL_CONFLICT, GraphProblem.Kind.RESERVED_NAME);
        assertThat(e).hasMessageStartingWith("The revisions do not form a valid graph (6 problems):");
        assertThat(e.problems()).filteredOn(p -> p.kind() == GraphProblem.Kind.LABEL_AS_REVISES).singleElement()
                .satisfies(p -> {
                    assertThat(p.revision()).isEqualTo("e");
                    assertThat(p.field()).isEqualTo("revises");
                    assertThat(p.message()).contains("'shop', which is a branch label, not a revision id")
                            .contains("a declares that label");
                });
    }

    @Test
    void anUnknownParentSuggestsTheNearestId() {
        GraphException e = refused("ae1027a6acf", "ae1027a6acg->b");
        assertThat(e).hasMessageContaining("Revision b revises ae1027a6acg, which does not exist (did you mean ae1027a6acf?)");
    }

    @Test
    void badCharactersAndLengthsInIdsAreRefused() {
        GraphException e = refused(List.of(
                Revision.of("bbbb@2222"), Revision.of("bbbb:2222"), Revision.of("x".repeat(33)), Revision.of("ok")));
        assertThat(e.problems()).extracting(GraphProblem::kind).containsOnly(GraphProblem.Kind.INVALID_ID).hasSize(3);
        assertThat(e).hasMessageContaining("'bbbb@2222' is not valid: it contains '@'")
                .hasMessageContaining("it has 33 characters");
    }

    @Test
    void duplicateIdsAreRefused() {
        GraphException e = refused(List.of(Revision.of("a"), Revision.of("a"), Revision.of("b", "a")));
        assertThat(e.problems()).extracting(GraphProblem::kind).containsExactly(GraphProblem.Kind.DUPLICATE_ID);
    }

    @Test
    void reservedWordsAreRefusedAsIdsAndLabels() {
        for (String reserved : List.of("base", "head", "heads", "current")) {
            assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of(reserved))))
                    .isInstanceOf(GraphException.class).hasMessageContaining("reserved word");
            assertThatThrownBy(() -> RevisionGraph.of(List.of(new Revision("a", List.of(), List.of(), List.of(reserved), ""))))
                    .isInstanceOf(GraphException.class).hasMessageContaining("reserved word");
        }
    }

    @Test
    void anEmptyGraphIsValid() {
        RevisionGraph g = RevisionGraph.of(List.of());
        assertThat(g.heads()).isEmpty();
        assertThat(g.resolveOne("head")).isNull();
        assertThat(new Planner(g).upgrade(List.of(), "head").steps()).isEmpty();
    }
}
