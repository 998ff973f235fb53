package dev.retort.graph;

import static dev.retort.graph.Graphs.graph;
import static dev.retort.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/*
 * Stamping sets the version table without running any migration:
 *
 *            +--> b --+
 *     a -----+        +--> m --> n
 *            +--> c --+
 *
 * Each target replaces the rows on its line of history; a target on a line with no row is
 * added; base removes the rows.
 */
class StampTest {

    private final RevisionGraph graph = graph("a", "a->b", "a->c", "b,c->m", "m->n");
    private final Planner planner = new Planner(graph);

    @ParameterizedTest(name = "stamp [{0}] with {1} gives [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
                | head  | n
                | b c   | b c
            n   | b     | b
            b c | m     | m
            b   | c     | b c
            n   | base  |
            b c | base  |
            m   | m     | m
            a   | heads | n
            """)
    void stampMovesTheRowsOnTheTargetsLine(String from, String targets, String expected) {
        Plan plan = planner.stamp(rows(from == null ? "" : from), rows(targets), false);
        assertThat(plan.resultingHeads()).isEqualTo(rows(expected == null ? "" : expected));
        assertThat(plan.steps()).as("a stamp runs nothing").isEmpty();
        assertThat(plan.operation()).isEqualTo(Operation.STAMP);
    }

    @Test
    void purgeStartsFromAnEmptyTableSoUnknownRowsDoNotMatter() {
        assertThatThrownBy(() -> planner.stamp(rows("f00dfeed0000"), List.of("b"), false))
                .isInstanceOf(ResolutionException.class).hasMessageContaining("'f00dfeed0000'");
        Plan purged = planner.stamp(rows("f00dfeed0000"), List.of("b"), true);
        assertThat(purged.current()).containsExactly("f00dfeed0000");
        assertThat(purged.resultingHeads()).containsExactly("b");
    }

    @Test
    void purgeWithBaseEmptiesTheTable() {
        assertThat(planner.stamp(rows("b c"), List.of("base"), true).resultingHeads()).isEmpty();
    }

    @ParameterizedTest(name = "stamp [{0}] with {1} is refused before anything changes")
    @CsvSource(delimiter = '|', textBlock = """
                | a n   | a | n | n
                | n a   | a | n | n
            b   | a m   | a | m | m
                | a b c | a | b | b c
            """)
    void targetsOnOneLineOfHistoryAreRefusedNamingBothAndTheDescendantToStamp(String from, String targets,
            String older, String newer, String suggestion) {
        assertThatThrownBy(() -> planner.stamp(rows(from == null ? "" : from), rows(targets), false))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("Cannot stamp " + older + " and " + newer + " together")
                .hasMessageContaining(newer + " descends from " + older)
                .hasMessageContaining("Stamp only the descendant: " + suggestion + ".");
        assertThatThrownBy(() -> planner.stamp(rows(from == null ? "" : from), rows(targets), true))
                .as("purge starts from an empty table, so nothing excuses the pair")
                .isInstanceOf(InvalidTargetException.class);
    }

    @Test
    void anOlderTargetThatIsAlreadyARowIsLeftAloneAsInAlembic() {
        assertThat(planner.stamp(rows("a"), rows("a n"), false).resultingHeads()).containsExactly("n");
    }

    @Test
    void aTargetBelowTheCurrentRowMovesItDownWithoutPurge() {
        assertThat(planner.stamp(rows("n"), rows("b"), false).resultingHeads()).containsExactly("b");
        assertThat(planner.stamp(rows("m"), rows("a"), false).resultingHeads()).containsExactly("a");
    }

    @Test
    void stampChangesAreWhatAlembicLogsOneLinePerMoveAndNoneWhenNothingChanges() {
        assertThat(planner.stampChanges(rows(""), rows("head"), false)).containsExactly(new StampChange(List.of(), List.of("n")));
        assertThat(planner.stampChanges(rows("a"), rows("n"), false)).containsExactly(new StampChange(List.of("a"), List.of("n")));
        assertThat(planner.stampChanges(rows("n"), rows("base"), false)).containsExactly(new StampChange(List.of("n"), List.of()));
        assertThat(planner.stampChanges(rows("b c"), rows("base"), false))
                .containsExactly(new StampChange(List.of("b"), List.of()), new StampChange(List.of("c"), List.of()));
        assertThat(planner.stampChanges(rows(""), rows("base"), false)).as("base on an empty table").isEmpty();
        assertThat(planner.stampChanges(rows("n"), rows("n"), false)).as("already there").isEmpty();
        assertThat(planner.stampChanges(rows("f00dfeed0000"), rows("b"), true)).containsExactly(new StampChange(List.of(), List.of("b")));
    }
}
