package dev.retort.graph;

import static dev.retort.graph.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/*
 * Ids may be shortened to any unique prefix, however short:
 *
 *     ae1027a6acf --> ae10b3c4d5e --> 27c6a30d7c24 --> abc
 *
 * but an id of three characters or fewer (abc) is only ever matched in full.
 */
class PartialIdTest {

    private final RevisionGraph graph = graph("ae1027a6acf", "ae1027a6acf->ae10b3c4d5e",
            "ae10b3c4d5e->27c6a30d7c24", "27c6a30d7c24->abc");

    @ParameterizedTest(name = "''{0}'' resolves to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            27c6          | 27c6a30d7c24
            27            | 27c6a30d7c24
            ae1027        | ae1027a6acf
            ae10b         | ae10b3c4d5e
            abc           | abc
            27c6a30d7c24  | 27c6a30d7c24
            head          | abc
            """)
    void uniquePrefixesResolve(String typed, String id) {
        assertThat(graph.resolveOne(typed)).isEqualTo(id);
    }

    @Test
    void anAmbiguousPrefixListsTheCandidates() {
        assertThatThrownBy(() -> graph.resolveOne("ae10"))
                .isInstanceOfSatisfying(ResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ResolutionException.Reason.AMBIGUOUS_PREFIX);
                    assertThat(e.candidates()).containsExactly("ae1027a6acf", "ae10b3c4d5e");
                })
                .hasMessage("'ae10' is the start of 2 revision ids (ae1027a6acf, ae10b3c4d5e); type more of the id to pick one");
    }

    @ParameterizedTest(name = "''{0}'' does not match the short id abc")
    @CsvSource({"ab", "b"})
    void idsOfThreeCharactersOrFewerAreNeverMatchedByAPrefix(String typed) {
        assertThatThrownBy(() -> graph.resolveOne(typed))
                .isInstanceOfSatisfying(ResolutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResolutionException.Reason.UNKNOWN))
                .hasMessageContaining("ids of three characters or fewer must be typed in full");
    }

    @Test
    void anUnknownIdNamesTheNearestExistingOnes() {
        assertThatThrownBy(() -> graph.resolveOne("27c6a30d7c25"))
                .isInstanceOfSatisfying(ResolutionException.class,
                        e -> assertThat(e.candidates()).startsWith("27c6a30d7c24"))
                .hasMessageStartingWith("No revision or branch label matches '27c6a30d7c25'; the nearest are 27c6a30d7c24");
    }

    @Test
    void prefixesWorkAsTargets() {
        assertThat(new Planner(graph).upgrade(java.util.List.of("ae10b3c4d5e"), "27c6").steps())
                .extracting(Step::revision).containsExactly("27c6a30d7c24");
    }
}
