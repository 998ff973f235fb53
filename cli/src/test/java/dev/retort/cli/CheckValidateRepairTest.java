package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** check (exit code 3), validate (exit code 1) and repair, around checksum drift and unknown revisions. */
class CheckValidateRepairTest {

    @TempDir
    Path folder;

    private Project project;

    @BeforeEach
    void setUp() {
        project = new Project(folder).linear();
    }

    @Test
    void checkPassesWithExitCodeZeroAtHead() {
        project.run("upgrade", "head");
        Cli.Result result = project.run("check");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("No pending revisions: the database is at c3c3c3c3c3c3 (head).");
    }

    @Test
    void checkExitsWithThreeAndListsPendingRevisions() {
        project.run("upgrade", "a1a1");
        Cli.Result result = project.run("check");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out()).contains("2 pending revision(s)",
                "  upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, add status",
                "  upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, create notes");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void checkExitsWithThreeForRevisionsNoFileDeclares() {
        project.run("upgrade", "head");
        project.execute("UPDATE retort_version SET version_num = 'ffffffffffff'");
        Cli.Result result = project.run("check");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out()).contains("no migration file declares: ffffffffffff");
        JsonNode json = project.run("check", "--json").json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("unknownRevisions").toString()).isEqualTo("[\"ffffffffffff\"]");
    }

    @Test
    void checkExitsWithThreeWhenAnAppliedFileChanged() throws Exception {
        project.run("upgrade", "head");
        Path file = project.migrations().resolve("b2b2b2b2b2b2_add_status.sql");
        Files.writeString(file, Files.readString(file).replace("'new'", "'fresh'"));
        Cli.Result result = project.run("check");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out()).contains("Changed since applied: b2b2b2b2b2b2");
        Cli.Result asJson = project.run("check", "--json");
        assertThat(asJson.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode check = asJson.json();
        assertThat(check.propertyNames()).containsExactly("ok", "database", "schema", "versionTable", "upToDate",
                "current", "heads", "pending", "unknownRevisions", "checksumMismatches");
        assertThat(check.get("checksumMismatches").get(0).propertyNames())
                .containsExactly("revision", "location", "stored", "current");
    }

    @Test
    void checkJsonOnAnUpToDateDatabaseIsOk() {
        project.run("upgrade", "head");
        Cli.Result result = project.run("check", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode check = result.json();
        assertThat(check.get("ok").asBoolean()).isTrue();
        assertThat(check.get("pending")).isEmpty();
    }

    @Test
    void validateFailsOnDriftAndRepairAcceptsTheChangedFile() throws Exception {
        project.run("upgrade", "head");
        assertThat(project.run("validate").out()).contains("Validation passed");
        Path file = project.migrations().resolve("c3c3c3c3c3c3_create_notes.sql");
        Files.writeString(file, Files.readString(file) + "\n-- a comment added later\n");

        Cli.Result invalid = project.run("validate");
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(invalid.out()).contains("Changed since applied: c3c3c3c3c3c3");
        assertThat(invalid.errLine()).startsWith("FAILED: Validation found 1 changed file(s)").doesNotContain("\n");
        JsonNode json = project.run("validate", "--json").json();
        assertThat(json.propertyNames()).containsExactly("valid", "checksumMismatches", "unknownRevisions");
        assertThat(json.get("valid").asBoolean()).isFalse();

        Cli.Result repair = project.run("repair");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(ExitCodes.OK);
        assertThat(repair.out()).contains("Realigned checksum of c3c3c3c3c3c3", "realigned 1 checksum(s)");
        assertThat(project.run("validate").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("check").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void repairJsonSaysWhatItChanged() {
        project.run("upgrade", "head");
        Cli.Result result = project.run("repair", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.json().toString()).isEqualTo("{\"realigned\":[],\"failedEntriesRemoved\":0}");
    }

    @Test
    void validateReportsUnknownRevisions() {
        project.run("upgrade", "head");
        project.execute("INSERT INTO retort_version VALUES ('ffffffffffff')");
        Cli.Result result = project.run("validate", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.json().get("unknownRevisions").toString()).isEqualTo("[\"ffffffffffff\"]");
    }
}
