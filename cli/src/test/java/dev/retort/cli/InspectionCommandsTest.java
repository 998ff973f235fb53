package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * current, heads, branches, history, show and graph, in text and JSON. The graph:
 * <pre>
 *   a1 -> b2 -> c3 (head)
 *          \-> d4 (head, label "side")
 * </pre>
 */
class InspectionCommandsTest {

    @TempDir
    Path folder;

    private Project project;

    @BeforeEach
    void setUp() {
        project = new Project(folder).linear().sideBranch();
    }

    @Test
    void currentShowsTheDatabaseRevisionWithHeadMarker() {
        project.run("upgrade", "c3c3");
        Cli.Result result = project.run("current");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().strip()).isEqualTo("c3c3c3c3c3c3 (head)");
    }

    @Test
    void currentOnAFreshDatabasePrintsNothingAsAlembicDoes() {
        Cli.Result result = project.run("current");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void currentVerboseNamesTheDatabaseWithTheUrlAndShowsTheEntry() {
        project.run("upgrade", "b2b2");
        Cli.Result result = project.run("current", "-v");
        assertThat(result.out()).contains("Current revision(s) for " + project.url(), "H2", "Rev: b2b2b2b2b2b2 (branchpoint)",
                "Parent: a1a1a1a1a1a1");
    }

    @Test
    void currentJsonHasTheDatabaseTheRowsAndTheirRevisions() {
        project.run("upgrade", "c3c3");
        JsonNode current = project.run("current", "--json").json();
        assertThat(current.propertyNames()).containsExactly("database", "schema", "versionTable", "current", "upToDate",
                "revisions", "unknownRevisions");
        assertThat(current.get("current").toString()).isEqualTo("[\"c3c3c3c3c3c3\"]");
        assertThat(current.get("upToDate").asBoolean()).isFalse();
        assertThat(current.get("versionTable").asString()).isEqualTo("retort_version");
        assertRevisionShape(current.get("revisions").get(0));
    }

    @Test
    void currentListsRevisionsNoFileDeclares() {
        project.run("stamp", "c3c3");
        project.execute("INSERT INTO retort_version VALUES ('eeeeeeeeeeee')");
        Cli.Result result = project.run("current");
        assertThat(result.out()).contains("c3c3c3c3c3c3 (head)", "eeeeeeeeeeee (unknown: no migration file declares it");
    }

    @Test
    void headsListsEveryHeadWithItsBranchLabel() {
        Cli.Result result = project.run("heads");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsExactly("c3c3c3c3c3c3 (head)", "d4d4d4d4d4d4 (side) (head)");
        assertThat(project.run("heads", "-v").out()).contains("Rev: d4d4d4d4d4d4 (head)", "Branch names: side",
                "Create Date: 2026-11-21 10:30:00");
        JsonNode heads = project.run("heads", "--json").json();
        assertThat(heads.get("heads").toString()).isEqualTo("[\"c3c3c3c3c3c3\",\"d4d4d4d4d4d4\"]");
        assertThat(heads.get("revisions").get(1).get("branchLabels").toString()).isEqualTo("[\"side\"]");
    }

    @Test
    void headsNeedNoDatabase() {
        Cli.Result result = new Cli(folder).run("heads");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void branchesShowsEachBranchPointAndWhereItLeads() {
        Cli.Result result = project.run("branches");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsSequence(
                "b2b2b2b2b2b2 (branchpoint)",
                "             -> c3c3c3c3c3c3 (head)",
                "             -> d4d4d4d4d4d4 (side) (head)");
        assertThat(project.run("branches", "-v").out()).contains("Rev: b2b2b2b2b2b2 (branchpoint)",
                "Branches into: c3c3c3c3c3c3, d4d4d4d4d4d4", "             -> d4d4d4d4d4d4 (side) (head), side branch");
        JsonNode branches = project.run("branches", "--json").json();
        assertThat(branches.get("branchPoints").get(0).get("revision").asString()).isEqualTo("b2b2b2b2b2b2");
        assertThat(branches.get("branchPoints").get(0).get("children").toString())
                .isEqualTo("[\"c3c3c3c3c3c3\",\"d4d4d4d4d4d4\"]");
    }

    @Test
    void historyListsNewestFirstInAlembicsFormat() {
        Cli.Result result = project.run("history");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsExactlyInAnyOrder(
                "b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head), create notes",
                "b2b2b2b2b2b2 -> d4d4d4d4d4d4 (side) (head), side branch",
                "a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add status",
                "<base> -> a1a1a1a1a1a1, create accounts");
        assertThat(result.out().lines().toList().get(3)).isEqualTo("<base> -> a1a1a1a1a1a1, create accounts");
    }

    @Test
    void historyTakesARangeAVerboseFlagAndIndicatesTheCurrentRevision() {
        assertThat(project.run("history", "-r", "b2b2b2b2b2b2:c3c3c3c3c3c3").out().lines())
                .containsExactly("b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head), create notes",
                        "a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add status");
        assertThat(project.run("history", "-v").out()).contains("Rev: a1a1a1a1a1a1", "Parent: <base>", "Path: ");
        project.run("upgrade", "c3c3");
        Cli.Result indicated = project.run("history", "-i");
        assertThat(indicated.out()).contains("b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head) (current), create notes");
        assertThat(project.run("history", "-r", "a1a1a1a1a1a1:current").out().lines())
                .hasSize(3).first().asString().contains("-> c3c3c3c3c3c3");
    }

    @Test
    void historyJsonCarriesTheRangeTheCurrentRowsWithDashIAndTheRevisions() {
        JsonNode plain = project.run("history", "--json").json();
        assertThat(plain.propertyNames()).containsExactly("range", "current", "revisions");
        assertThat(plain.get("current").isNull()).isTrue();
        assertThat(plain.get("revisions")).hasSize(4);
        project.run("upgrade", "a1a1");
        JsonNode indicated = project.run("history", "-i", "-r", "a1a1a1a1a1a1:b2b2b2b2b2b2", "--json").json();
        assertThat(indicated.get("range").asString()).isEqualTo("a1a1a1a1a1a1:b2b2b2b2b2b2");
        assertThat(indicated.get("current").toString()).isEqualTo("[\"a1a1a1a1a1a1\"]");
    }

    @Test
    void showPrintsTheRevisionsAnIdentifierStandsFor() {
        Cli.Result result = project.run("show", "side@head");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Rev: d4d4d4d4d4d4 (head)", "Parent: b2b2b2b2b2b2", "    side branch",
                "    Revision ID: d4d4d4d4d4d4", "    Revises: b2b2b2b2b2b2");
        JsonNode heads = project.run("show", "heads", "--json").json();
        assertThat(heads.get("revisions")).hasSize(2);
        assertRevisionShape(heads.get("revisions").get(0));
        assertThat(heads.get("revisions").get(0).get("checksum").asString()).hasSize(64);
    }

    @Test
    void showOfAnAmbiguousPrefixListsTheCandidates() {
        project.migration("a1a1ffffffff", "c3c3c3c3c3c3", "another", "SELECT 1;", "SELECT 1;");
        Cli.Result result = project.run("show", "a1a1");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("a1a1a1a1a1a1", "a1a1ffffffff").doesNotContain("\n");
    }

    @Test
    void graphDrawsTextMermaidAndDotWithTheCurrentRevisionMarked() {
        project.run("upgrade", "side@head");
        Cli.Result text = project.run("graph");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("<base>", "└── a1a1a1a1a1a1  create accounts",
                "d4d4d4d4d4d4 (side) (head) (current)  side branch");
        assertThat(project.run("graph", "--format", "mermaid").out()).startsWith("flowchart TD")
                .contains("r_b2b2b2b2b2b2 --> r_d4d4d4d4d4d4", "class r_d4d4d4d4d4d4 current");
        assertThat(project.run("graph", "--format", "DOT").out()).startsWith("digraph retort {")
                .contains("\"d4d4d4d4d4d4\" [label=\"d4d4d4d4d4d4 (side) (head) (current)\\nside branch\", style=\"filled,bold\"");
    }

    @Test
    void graphWithoutADatabaseMarksNothing() {
        Cli.Result result = new Cli(folder).run("graph");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).doesNotContain("(current)");
    }

    @Test
    void graphRefusesAnUnknownFormatAsAUsageError() {
        Cli.Result result = project.run("graph", "--format", "png");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLine()).contains("Unknown --format 'png'; use text, mermaid or dot");
    }

    private static void assertRevisionShape(JsonNode revision) {
        assertThat(revision.propertyNames()).containsExactly("revision", "message", "revises", "dependsOn",
                "branchLabels", "children", "head", "base", "branchPoint", "mergePoint", "createDate", "location",
                "checksum", "transactional", "reversible");
    }
}
