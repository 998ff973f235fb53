package dev.retort.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.graph.Direction;
import dev.retort.script.MigrationScript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text formats people read. The graph used throughout:
 * <pre>
 *   a1 -> b2 -> c3 (head)
 *          \-> d4 --> m5 (mergepoint, head)   (m5 revises d4 and e6)
 *   e6 (second base, label "other") ------/
 * </pre>
 */
class OutputFormatTest {

    private static MigrationScript script(String id, String message, List<String> revises, List<String> labels,
                                          List<String> dependsOn) {
        return new MigrationScript(id, revises, message, labels, dependsOn, "2026-11-21 10:30:00", true, List.of(),
                "00ff", "/m/" + id + ".sql", null);
    }

    private final Map<String, RevisionView> views = RevisionView.of(List.of(
            script("a1", "create table", List.of(), List.of(), List.of()),
            script("b2", "add column", List.of("a1"), List.of(), List.of()),
            script("c3", "add index", List.of("b2"), List.of(), List.of()),
            script("d4", "other branch", List.of("b2"), List.of(), List.of("e6")),
            script("e6", "second base", List.of(), List.of("other"), List.of()),
            script("m5", "merge", List.of("d4", "e6"), List.of(), List.of())), List.of("c3", "m5"));

    @Test
    void historyLinesReadLikeAlembics() {
        assertThat(AlembicText.historyLine(views.get("a1"), false)).isEqualTo("<base> -> a1, create table");
        assertThat(AlembicText.historyLine(views.get("b2"), false)).isEqualTo("a1 -> b2 (branchpoint), add column");
        assertThat(AlembicText.historyLine(views.get("c3"), true)).isEqualTo("b2 -> c3 (head) (current), add index");
        assertThat(AlembicText.historyLine(views.get("m5"), false)).isEqualTo("d4, e6 -> m5 (head) (mergepoint), merge");
        assertThat(AlembicText.historyLine(views.get("d4"), false)).isEqualTo("b2 (e6) -> d4, other branch");
        assertThat(AlembicText.historyLine(views.get("e6"), false)).isEqualTo("<base> -> e6 (other), second base");
    }

    @Test
    void runningLinesShowWhereEachStepGoesFromAndTo() {
        assertThat("Running " + AlembicText.step(Direction.UPGRADE, "4f2a9c1b7d3e", List.of("9c0d1e2f3a4b"), "add status"))
                .isEqualTo("Running upgrade 9c0d1e2f3a4b -> 4f2a9c1b7d3e, add status");
        assertThat(AlembicText.step(Direction.DOWNGRADE, "4f2a9c1b7d3e", List.of("9c0d1e2f3a4b"), "add status"))
                .isEqualTo("downgrade 4f2a9c1b7d3e -> 9c0d1e2f3a4b, add status");
        assertThat(AlembicText.step(Direction.UPGRADE, "a1", List.of(), "create table")).isEqualTo("upgrade  -> a1, create table");
    }

    @Test
    void theVerboseEntryHasRevParentPathAndTheHeader() {
        String entry = AlembicText.logEntry(views.get("b2"), false);
        assertThat(entry).contains("Rev: b2 (branchpoint)", "Parent: a1", "Branches into: c3, d4", "Path: /m/b2.sql",
                "    add column", "    Revision ID: b2", "    Revises: a1", "    Create Date: 2026-11-21 10:30:00",
                "Irreversible");
        assertThat(AlembicText.logEntry(views.get("m5"), true)).contains("Rev: m5 (head) (mergepoint) (current)",
                "Merges: d4, e6");
    }

    @Test
    void theTextGraphDrawsEveryRevisionOnceAndMarksTheCurrentOne() {
        String text = new GraphRenderer(views, Set.of("c3")).render(GraphRenderer.Format.TEXT);
        assertThat(text).contains("a1  create table", "c3 (head) (current)  add index",
                "d4  other branch  [depends on e6]", "m5 (head) (mergepoint)  merge", "m5 (mergepoint, see above)");
        assertThat(text.lines().filter(line -> line.contains("m5 (head)")).count()).isEqualTo(1);
    }

    @Test
    void mermaidHasOneNodePerRevisionAnEdgePerParentAndTheCurrentClass() {
        String mermaid = new GraphRenderer(views, Set.of("c3")).render(GraphRenderer.Format.MERMAID);
        assertThat(mermaid).startsWith("flowchart TD").contains(
                "r_a1[\"a1<br/>create table\"]",
                "r_c3[\"c3 (head) (current)<br/>add index\"]",
                "r_b2 --> r_c3", "r_d4 --> r_m5", "r_e6 --> r_m5",
                "r_e6 -. depends on .-> r_d4",
                "class r_c3 current");
    }

    @Test
    void dotIsAValidDigraphWithTheCurrentRevisionFilled() {
        String dot = new GraphRenderer(views, Set.of("m5")).render(GraphRenderer.Format.DOT);
        assertThat(dot).startsWith("digraph retort {").endsWith("}" + System.lineSeparator()).contains(
                "\"a1\" -> \"b2\";",
                "\"m5\" [label=\"m5 (head) (current)\\nmerge\", style=\"filled,bold\", fillcolor=\"palegreen\"];",
                "\"c3\" [label=\"c3 (head)\\nadd index\", style=bold];",
                "\"e6\" -> \"d4\" [style=dashed, label=\"depends on\"];");
    }

    @Test
    void jsonWritesRecordsInComponentOrderWithNullsKept() {
        String json = Json.write(new JsonShapes.HistoryJson(null, null, List.of()));
        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"range\":null,\"current\":null,\"revisions\":[]}");
    }
}
