package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** revision and merge: the files they write, and their refusals. */
class RevisionAndMergeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private List<Path> files(Project project) throws Exception {
        try (Stream<Path> stream = Files.list(project.migrations())) {
            return stream.sorted().toList();
        }
    }

    @Test
    void theFirstRevisionStartsAtBaseAndGetsAGeneratedTwelveHexId() throws Exception {
        Project project = new Project(folder);
        Cli.Result result = project.run("revision", "-m", "Create account table");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        Path file = files(project).get(0);
        assertThat(file.getFileName().toString()).matches("[0-9a-f]{12}_create_account_table\\.sql");
        assertThat(result.out().strip()).isEqualTo("Generating " + file + " ...  done");
        assertThat(Files.readString(file)).contains("-- revises: base", "-- message: Create account table",
                "-- create-date: ", "-- +upgrade", "-- +downgrade");
    }

    @Test
    void aRevisionBuildsOnTheSingleHead() throws Exception {
        Project project = new Project(folder).linear();
        assertThat(project.run("revision", "-m", "next", "--rev-id", "d4").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(project.migrations().resolve("d4_next.sql"))).contains("-- revision: d4",
                "-- revises: c3c3c3c3c3c3");
    }

    @Test
    void branchLabelsDependenciesAndANewBaseGoIntoTheHeader() throws Exception {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("revision", "-m", "start billing", "--head", "base", "--branch-label", "billing",
                "--depends-on", "a1a1a1a1a1a1", "--rev-id", "bill01", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(project.migrations().resolve("bill01_start_billing.sql"));
        assertThat(text).contains("-- revises: base", "-- branch-labels: billing", "-- depends-on: a1a1a1a1a1a1");
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.propertyNames()).containsExactly("revision", "revises", "dependsOn", "branchLabels", "message", "file");
        assertThat(json.get("file").asString()).endsWith("bill01_start_billing.sql");
        assertThat(project.run("heads").out().lines()).containsExactly("bill01 (billing) (head)", "c3c3c3c3c3c3 (head)");
    }

    @Test
    void withSeveralHeadsARevisionNeedsHeadAsInAlembic() throws Exception {
        Project project = new Project(folder).linear();
        project.run("revision", "-m", "other root", "--head", "base", "--rev-id", "r00t");
        int before = files(project).size();
        Cli.Result refused = project.run("revision", "-m", "ambiguous");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.errLine()).contains("c3c3c3c3c3c3", "r00t", "--head").doesNotContain("\n");
        assertThat(files(project)).hasSize(before);
        Cli.Result chosen = project.run("revision", "-m", "on root", "--head", "r00t", "--rev-id", "r00t2");
        assertThat(chosen.exitCode()).as(chosen.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(project.migrations().resolve("r00t2_on_root.sql"))).contains("-- revises: r00t");
    }

    @Test
    void buildingOnARevisionThatIsNotAHeadNeedsSplice() throws Exception {
        Project project = new Project(folder).linear();
        Cli.Result refused = project.run("revision", "-m", "fork", "--head", "a1a1a1a1a1a1");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.errLine()).contains("--splice");
        Cli.Result spliced = project.run("revision", "-m", "fork", "--head", "a1a1a1a1a1a1", "--splice", "--rev-id", "f0rk");
        assertThat(spliced.exitCode()).as(spliced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.run("branches").out()).contains("a1a1a1a1a1a1 (branchpoint)");
    }

    @Test
    void aRevIdThatExistsIsRefused() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("revision", "-m", "again", "--rev-id", "b2b2b2b2b2b2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("b2b2b2b2b2b2");
    }

    @Test
    void mergeJoinsTheHeadsAndUpgradeHeadsRunsEveryBranch() throws Exception {
        Project project = new Project(folder).linear();
        project.run("revision", "-m", "side", "--head", "b2b2b2b2b2b2", "--splice", "--rev-id", "s1de");
        Files.writeString(project.migrations().resolve("s1de_side.sql"),
                Files.readString(project.migrations().resolve("s1de_side.sql"))
                        .replace("-- +upgrade\n", "-- +upgrade\nCREATE TABLE side (id INT);\n")
                        .replace("-- +downgrade\n", "-- +downgrade\nDROP TABLE side;\n"));
        Cli.Result merge = project.run("merge", "heads", "-m", "merge side", "--rev-id", "m3rge", "--branch-label", "joined");
        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(project.migrations().resolve("m3rge_merge_side.sql")))
                .contains("-- revises: c3c3c3c3c3c3, s1de", "-- branch-labels: joined");
        assertThat(project.run("heads").out().strip()).isEqualTo("m3rge (joined) (head)");
        Cli.Result upgrade = project.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.OK);
        assertThat(upgrade.out()).contains("Running upgrade c3c3c3c3c3c3, s1de -> m3rge, merge side");
        assertThat(project.versionRows()).containsExactly("m3rge");
        assertThat(project.tables()).contains("side", "notes");
    }

    @Test
    void mergeOfARevisionThatIsNotAHeadIsRefused() {
        Project project = new Project(folder).linear();
        Cli.Result result = project.run("merge", "a1a1a1a1a1a1", "c3c3c3c3c3c3", "-m", "nonsense");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.errLine()).contains("a1a1a1a1a1a1");
    }

    @Test
    void revisionsGoToTheFirstFilesystemLocation() throws Exception {
        Project project = new Project(folder).linear();
        Files.createDirectories(folder.resolve("extra"));
        Cli.Result result = project.run("revision", "-m", "in extra", "--rev-id", "x1",
                "--locations", "extra," + Project.MIGRATIONS);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("extra/x1_in_extra.sql")).exists();
        assertThat(Files.readString(folder.resolve("extra/x1_in_extra.sql"))).contains("-- revises: c3c3c3c3c3c3");
    }
}
