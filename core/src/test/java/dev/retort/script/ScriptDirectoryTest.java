package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptDirectoryTest {

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private ScriptDirectory load() {
        return ScriptDirectory.load(List.of("filesystem:" + temp), null);
    }

    private List<String> problems() {
        ScriptLoadException e = assertThrows(ScriptLoadException.class, this::load);
        return e.problems().stream().map(ScriptProblem::toString).toList();
    }

    private String at(String name, int line) {
        return temp.resolve(name) + " line " + line + ": ";
    }

    @Test
    void loadsScriptsAndTheirGraph() throws IOException {
        //   a1 -> b2 -> c3 (merge) <- d4 <- a1
        write("a1_first.sql", "-- revision: a1\n-- revises: base\n-- +upgrade\nSELECT 1;\n");
        write("b2_left.sql", "-- revision: b2\n-- revises: a1\n-- +upgrade\n");
        write("d4_right.sql", "-- revision: d4\n-- revises: a1\n-- +upgrade\n");
        write("c3_merge.sql", "-- revision: c3\n-- revises: b2, d4\n-- message: merge\n-- +upgrade\n");
        ScriptDirectory directory = load();
        assertThat(directory.scripts()).extracting(MigrationScript::revision).containsExactly("a1", "b2", "c3", "d4");
        assertThat(directory.graph().heads()).containsExactly("c3");
        assertThat(directory.graph().mergePoints()).containsExactly("c3");
        assertThat(directory.script("c3").message()).isEqualTo("merge");
        assertThat(directory.script("zz")).isNull();
        Plan plan = directory.planner().upgrade(List.of(), "head");
        // The order between b2 and d4 is the planner's (Alembic's) business; the graph is what matters here.
        assertThat(plan.steps()).extracting(Step::revision).containsExactlyInAnyOrder("a1", "b2", "d4", "c3")
                .startsWith("a1").endsWith("c3");
        assertThat(directory.locations()).containsExactly("filesystem:" + temp);
    }

    @Test
    void anEmptyFolderIsAnEmptyGraph() {
        ScriptDirectory directory = load();
        assertThat(directory.scripts()).isEmpty();
        assertThat(directory.graph().heads()).isEmpty();
    }

    @Test
    void loadsFromTheClasspath() {
        ScriptDirectory directory = ScriptDirectory.load(List.of("classpath:dev/retort/script/fixtures/linear"),
                ScriptDirectoryTest.class.getClassLoader());
        assertThat(directory.graph().heads()).containsExactly("b2");
    }

    @Test
    void revisesNamingAnUnknownRevisionPointsAtTheRevisesLine() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: base\n-- +upgrade\n");
        write("ae10_add.sql", "-- message: add\n-- revision: ae10\n-- revises: zz99\n-- +upgrade\n");
        assertThat(problems()).singleElement().asString()
                .startsWith(at("ae10_add.sql", 3) + "Revision ae10 revises zz99, which does not exist")
                .endsWith("Known revisions: a1, ae10.");
    }

    @Test
    void dependsOnNamingAnUnknownRevisionPointsAtTheDependsOnLine() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: base\n-- depends-on: a11\n-- +upgrade\n");
        write("a2.sql", "-- revision: a2\n-- revises: a1\n-- +upgrade\n");
        assertThat(problems()).singleElement().asString()
                .startsWith(at("a1.sql", 3) + "Revision a1 depends on a11, which is neither a revision id nor a branch "
                        + "label")
                .contains("Known revisions: a1, a2.");
    }

    @Test
    void aCyclePrintsItsPathAtARevisesLine() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: c3\n-- +upgrade\n");
        write("b2.sql", "-- revision: b2\n-- revises: a1\n-- +upgrade\n");
        write("c3.sql", "-- revision: c3\n-- revises: b2\n-- +upgrade\n");
        assertThat(problems()).singleElement().asString()
                .matches(java.util.regex.Pattern.quote(temp.toString()) + "/[abc][123]\\.sql line 2: Revisions a1, b2, c3 "
                        + "form a cycle: .*")
                .contains("revises", "which revises");
    }

    @Test
    void aBranchLabelClashPointsAtTheBranchLabelsLine() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: base\n-- branch-labels: billing\n-- +upgrade\n");
        write("b2.sql", "-- revision: b2\n-- revises: base\n-- message: other root\n-- branch-labels: billing\n-- +upgrade\n");
        assertThat(problems()).singleElement().asString()
                .startsWith(at("b2.sql", 4) + "Branch label 'billing' on revision b2 is already declared by revision a1");
    }

    @Test
    void fileProblemsAndGraphProblemsComeInOneReport() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: base\n-- +upgrade\n");
        write("b2.sql", "-- revision: b2\n-- revises: a1\n-- +upgrade postgress\n");
        write("c3.sql", "-- revision: c3\n-- revises: q9\n-- +upgrade\n");
        ScriptLoadException e = assertThrows(ScriptLoadException.class, this::load);
        assertThat(e.problems()).extracting(ScriptProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(at("b2.sql", 3) + "unknown dialect 'postgress'"),
                p -> assertThat(p).startsWith(at("c3.sql", 2) + "Revision c3 revises q9, which does not exist"));
        assertThat(e.getMessage()).startsWith("Migration files have 2 problems; nothing was run:\n  - ");
    }

    @Test
    void aBrokenFileDoesNotMakeItsChildrenReportAnUnknownParent() throws IOException {
        write("a1.sql", "-- revision: a1\n-- revises: base\n-- autor: me\n-- +upgrade\n");
        write("b2.sql", "-- revision: b2\n-- revises: a1\n-- +upgrade\n");
        assertThat(problems()).singleElement().asString().startsWith(at("a1.sql", 3) + "unknown header key 'autor'");
    }
}
