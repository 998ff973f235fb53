package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code retort graph --json} on a graph with a branch, a merge and a second base that depends
 * on the first:
 * <pre>
 *                       +--> c3 (notes) ---+
 *   a1 (accounts) --> b2                   +--> e5 (merge) (head)
 *      ^                +--> d4 (side) ----+
 *      :
 *      : depends on
 *   f6 (audit, label "audit") (base) (head)
 * </pre>
 */
class GraphJsonTest {

    private static final String A1 = "a1a1a1a1a1a1";
    private static final String B2 = "b2b2b2b2b2b2";
    private static final String C3 = "c3c3c3c3c3c3";
    private static final String D4 = "d4d4d4d4d4d4";
    private static final String E5 = "e5e5e5e5e5e5";
    private static final String F6 = "f6f6f6f6f6f6";

    @TempDir
    Path folder;

    private Project project;

    @BeforeEach
    void setUp() {
        project = new Project(folder).linear().sideBranch();
        project.write("e5e5e5e5e5e5_merge.sql", """
                -- revision: e5e5e5e5e5e5
                -- revises: c3c3c3c3c3c3, d4d4d4d4d4d4
                -- message: merge notes and side

                -- +upgrade

                -- +downgrade
                """);
        project.write("f6f6f6f6f6f6_audit.sql", """
                -- revision: f6f6f6f6f6f6
                -- revises: base
                -- message: create audit
                -- branch-labels: audit
                -- depends-on: a1a1a1a1a1a1

                -- +upgrade
                CREATE TABLE audit (id INT);

                -- +downgrade
                DROP TABLE audit;
                """);
    }

    @Test
    void graphJsonListsEveryRevisionWithItsEdgesAndTheHeadsAndBases() {
        Cli.Result result = new Cli(folder).run("graph", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
        JsonNode graph = result.json();

        assertThat(graph.propertyNames()).containsExactly("revisions", "heads", "bases", "current");
        assertThat(ids(graph.get("heads"))).containsExactly(E5, F6);
        assertThat(ids(graph.get("bases"))).containsExactly(A1, F6);
        assertThat(graph.get("current").isNull()).as("no database configured: nothing is known of it").isTrue();

        JsonNode revisions = graph.get("revisions");
        List<String> order = new ArrayList<>();
        revisions.forEach(revision -> order.add(revision.get("revision").asString()));
        assertThat(order).containsExactlyInAnyOrder(A1, B2, C3, D4, E5, F6);
        // Oldest first: every revision after the ones it revises and depends on.
        revisions.forEach(revision -> {
            int at = order.indexOf(revision.get("revision").asString());
            for (String parent : ids(revision.get("revises"))) {
                assertThat(order.indexOf(parent)).as(revision.get("revision") + " after " + parent).isLessThan(at);
            }
            for (String dependency : ids(revision.get("dependsOn"))) {
                assertThat(order.indexOf(dependency)).as(revision.get("revision") + " after " + dependency).isLessThan(at);
            }
        });

        // The same revision object as heads, history and show print.
        JsonNode a1 = revision(revisions, A1);
        assertThat(a1.propertyNames()).containsExactly("revision", "message", "revises", "dependsOn",
                "branchLabels", "children", "head", "base", "branchPoint", "mergePoint", "createDate", "location",
                "checksum", "transactional", "reversible");
        assertThat(a1.get("base").asBoolean()).isTrue();
        assertThat(a1.get("head").asBoolean()).isFalse();
        assertThat(ids(a1.get("revises"))).isEmpty();

        JsonNode b2 = revision(revisions, B2);
        assertThat(b2.get("branchPoint").asBoolean()).isTrue();
        assertThat(ids(b2.get("children"))).containsExactly(C3, D4);

        JsonNode d4 = revision(revisions, D4);
        assertThat(ids(d4.get("branchLabels"))).containsExactly("side");
        assertThat(ids(d4.get("revises"))).containsExactly(B2);
        assertThat(ids(d4.get("children"))).containsExactly(E5);

        JsonNode e5 = revision(revisions, E5);
        assertThat(e5.get("message").asString()).isEqualTo("merge notes and side");
        assertThat(ids(e5.get("revises"))).containsExactly(C3, D4);
        assertThat(e5.get("mergePoint").asBoolean()).isTrue();
        assertThat(e5.get("head").asBoolean()).isTrue();
        assertThat(e5.get("branchPoint").asBoolean()).isFalse();

        JsonNode f6 = revision(revisions, F6);
        assertThat(ids(f6.get("dependsOn"))).containsExactly(A1);
        assertThat(ids(f6.get("branchLabels"))).containsExactly("audit");
        assertThat(f6.get("base").asBoolean()).isTrue();
        assertThat(f6.get("head").asBoolean()).isTrue();
    }

    @Test
    void withADatabaseCurrentHoldsTheRevisionsItIsAt() {
        assertThat(project.run("upgrade", D4).exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode graph = project.run("graph", "--json").json();
        assertThat(ids(graph.get("current"))).containsExactly(D4);

        project.run("upgrade", "heads");
        assertThat(ids(project.run("graph", "--json").json().get("current"))).containsExactly(E5, F6);
    }

    @Test
    void formatAndJsonTogetherAreAUsageErrorInBothOutputs() {
        Cli.Result result = new Cli(folder).run("graph", "--format", "mermaid", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).isEqualTo("retort graph: error: --json and --format exclude each other: --json "
                + "prints the graph as data, --format draws it (text, mermaid or dot); give one of them. "
                + "(see 'retort graph --help')");
        JsonNode error = result.json().get("error");
        assertThat(error.get("type").asString()).isEqualTo("UsageError");
        assertThat(error.get("message").asString()).startsWith("--json and --format exclude each other");
    }

    @Test
    void errorsUnderJsonAreTheErrorDocument() {
        project.write("g7g7g7g7g7g7_orphan.sql", """
                -- revision: g7g7g7g7g7g7
                -- revises: 999999999999
                -- message: revises nothing that exists

                -- +upgrade
                SELECT 1;
                """);
        Cli.Result result = new Cli(folder).run("graph", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        JsonNode error = result.json().get("error");
        assertThat(error.get("type").asString()).isEqualTo("ScriptLoadException");
        assertThat(error.get("message").asString()).contains("999999999999");
        assertThat(result.errLine()).startsWith("FAILED: ");
    }

    @Test
    void anEmptyGraphIsAnEmptyDocument() {
        Project empty = new Project(folder.resolve("empty"));
        Cli.Result result = new Cli(empty.folder()).run("graph", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.json().toString())
                .isEqualTo("{\"revisions\":[],\"heads\":[],\"bases\":[],\"current\":null}");
    }

    private static JsonNode revision(JsonNode revisions, String id) {
        for (JsonNode revision : revisions) {
            if (revision.get("revision").asString().equals(id)) {
                return revision;
            }
        }
        throw new AssertionError("no revision " + id + " in " + revisions);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
