package dev.retort.graph;

import static dev.retort.graph.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/*
 * History ranges, newest first:
 *
 *     a --> b --> c --+--> d        d declares 'shop' (shop@base: lists the shared trunk too)
 *                     +--> e
 */
class HistoryTest {

    private final RevisionGraph graph = graph("a", "a->b", "b->c", "c->d @shop", "c->e");

    @ParameterizedTest(name = "history -r ''{0}'' lists {1}")
    @CsvSource(delimiter = '|', textBlock = """
            base:heads  | d e c b a
            b:          | d e c b
            :c          | c b a
            b:d         | d c b
            c:e         | e c
            :shop@head  | d c b a
            shop@base:  | d c b a
            """)
    void rangesListNewestFirst(String range, String expected) {
        assertThat(graph.history(range)).isEqualTo(List.of(expected.split(" ")));
    }

    @Test
    void everythingByDefault() {
        assertThat(graph.history(null)).containsExactly("d", "e", "c", "b", "a");
    }

    @Test
    void aRangeAcrossBranchesIsRefused() {
        assertThatThrownBy(() -> graph.history("d:e"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessageContaining("is not an ancestor of 'e'");
    }

    @Test
    void aRangeNeedsAColon() {
        assertThatThrownBy(() -> graph.history("b"))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("must be FROM:TO");
    }
}
