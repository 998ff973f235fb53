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

    @ParameterizedTest(name = "stamp [{0}] with {1} writes {2} as Alembic does, and warns")
    @CsvSource(delimiter = '|', textBlock = """
                | a n   | a n   | a   | n
                | n a   | a n   | a   | n
            b   | a m   | a m   | a   | m
                | a b c | a b c | a   | b c
            """)
    void targetsOnOneLineOfHistoryAreWrittenAsAlembicWritesThemWithAWarningHowToRepair(String from, String targets,
            String rows, String older, String newest) {
        // Alembic (parity cases c028, c086, c108, c175, c195) writes a row for each target even
        // when one descends from another; later commands then refuse the table. Retort writes the
        // same rows and says so in the plan, with the stamp that repairs it.
        Plan plan = planner.stamp(rows(from == null ? "" : from), rows(targets), false);
        assertThat(plan.resultingHeads()).containsExactlyElementsOf(rows(rows));
        assertThat(plan.warnings()).singleElement().asString()
                .contains("will hold " + older + " beside", "retort stamp " + newest + " --purge", "Stamp only " + newest);
        assertThatThrownBy(() -> planner.upgrade(plan.resultingHeads(), "heads"))
                .as("every later command refuses such a table, naming the repair")
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("retort stamp --purge");
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
