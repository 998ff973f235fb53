package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** upgrade, downgrade and stamp on an H2 file database: real runs, --dry-run, --json and --sql. */
class MigrationCommandsTest {

    @TempDir
    Path folder;

    private Project project;

    @BeforeEach
    void setUp() {
        project = new Project(folder).linear();
    }

    @Test
    void upgradeWithoutATargetRunsEveryRevisionToTheHeadInAlembicsWords() {
        Cli.Result result = project.run("upgrade");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsExactly(
                "Running upgrade  -> a1a1a1a1a1a1, create accounts",
                "Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, add status",
                "Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, create notes");
        assertThat(result.err()).isEmpty();
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
        assertThat(project.tables()).contains("accounts", "notes", "retort_version", "retort_history");
    }

    @Test
    void upgradeToARelativeTargetMovesThatFar() {
        assertThat(project.run("upgrade", "+2").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("b2b2b2b2b2b2");
        assertThat(project.run("upgrade", "c3c3").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void upgradeAtHeadSaysThereIsNothingToDo() {
        project.run("upgrade", "head");
        Cli.Result again = project.run("upgrade", "head");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to do: the database is already at c3c3c3c3c3c3.");
    }

    @Test
    void upgradeWithVerboseReportsDurationsAndASummary() {
        Cli.Result result = project.run("upgrade", "--verbose");
        assertThat(result.out()).contains("  done in ", "Done: 3 revision(s) in ");
    }

    @Test
    void downgradeRevertsInReverseOrderWithRunningLines() {
        project.run("upgrade", "head");
        Cli.Result result = project.run("downgrade", "-2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsExactly(
                "Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, create notes",
                "Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, add status");
        assertThat(project.versionRows()).containsExactly("a1a1a1a1a1a1");
        Cli.Result toBase = project.run("downgrade", "base");
        assertThat(toBase.out()).contains("Running downgrade a1a1a1a1a1a1 -> , create accounts");
        assertThat(project.versionRows()).isEmpty();
        assertThat(project.tables()).doesNotContain("accounts", "notes");
    }

    @Test
    void dryRunJsonIsExactlyThePlanShapeAndChangesNothing() {
        project.run("upgrade", "a1a1");
        Cli.Result result = project.run("upgrade", "head", "--dry-run", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        JsonNode plan = result.json();
        assertThat(plan.propertyNames()).containsExactly("operation", "target", "current", "steps", "resultingHeads");
        assertThat(plan.get("operation").asString()).isEqualTo("upgrade");
        assertThat(plan.get("target").asString()).isEqualTo("head");
        assertThat(plan.get("current").toString()).isEqualTo("[\"a1a1a1a1a1a1\"]");
        assertThat(plan.get("steps").toString()).isEqualTo(
                "[{\"revision\":\"b2b2b2b2b2b2\",\"operation\":\"upgrade\",\"message\":\"add status\"},"
                        + "{\"revision\":\"c3c3c3c3c3c3\",\"operation\":\"upgrade\",\"message\":\"create notes\"}]");
        assertThat(plan.get("resultingHeads").toString()).isEqualTo("[\"c3c3c3c3c3c3\"]");
        assertThat(project.versionRows()).containsExactly("a1a1a1a1a1a1");
    }

    @Test
    void downgradeAndStampDryRunsPrintTheirPlansToo() {
        project.run("upgrade", "head");
        JsonNode downgrade = project.run("downgrade", "a1a1a1a1a1a1", "--dry-run", "--json").json();
        assertThat(downgrade.get("operation").asString()).isEqualTo("downgrade");
        assertThat(downgrade.get("steps").toString()).isEqualTo(
                "[{\"revision\":\"c3c3c3c3c3c3\",\"operation\":\"downgrade\",\"message\":\"create notes\"},"
                        + "{\"revision\":\"b2b2b2b2b2b2\",\"operation\":\"downgrade\",\"message\":\"add status\"}]");
        assertThat(downgrade.get("resultingHeads").toString()).isEqualTo("[\"a1a1a1a1a1a1\"]");

        JsonNode stamp = project.run("stamp", "b2b2", "--dry-run", "--json").json();
        assertThat(stamp.toString()).isEqualTo("{\"operation\":\"stamp\",\"target\":\"b2b2\",\"current\":[\"c3c3c3c3c3c3\"],"
                + "\"steps\":[],\"resultingHeads\":[\"b2b2b2b2b2b2\"]}");

        Cli.Result text = project.run("downgrade", "base", "--dry-run");
        assertThat(text.out()).contains("Plan for downgrade base (current: c3c3c3c3c3c3):",
                "  downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, create notes", "Resulting heads: base",
                "Nothing was changed (--dry-run).");
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void upgradeJsonReportsWhatARealRunApplied() {
        Cli.Result result = project.run("upgrade", "b2b2b2b2b2b2", "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        JsonNode run = result.json();
        assertThat(run.propertyNames()).containsExactly("operation", "target", "current", "applied", "resultingHeads",
                "startedAt", "durationMs");
        assertThat(run.get("applied").get(1).get("revision").asString()).isEqualTo("b2b2b2b2b2b2");
        assertThat(run.get("applied").get(1).propertyNames()).containsExactly("revision", "operation", "message", "durationMs");
        assertThat(run.get("resultingHeads").toString()).isEqualTo("[\"b2b2b2b2b2b2\"]");
        assertThat(result.out()).doesNotContain("Running");
    }

    @Test
    void stampSetsTheVersionTableWithoutRunningSql() {
        Cli.Result result = project.run("stamp", "head");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Running stamp_revision  -> c3c3c3c3c3c3");
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
        assertThat(project.tables()).doesNotContain("accounts");
    }

    @Test
    void stampPrintsOneAlembicLinePerChangeAndSaysSoWhenNothingChanges() {
        Cli.Result empty = project.run("stamp", "base");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCodes.OK);
        assertThat(empty.out().lines()).containsExactly("Nothing to do: the database is already at base (no revision recorded).");

        project.run("stamp", "a1a1");
        Cli.Result up = project.run("stamp", "c3c3");
        assertThat(up.out().lines()).containsExactly("Running stamp_revision a1a1a1a1a1a1 -> c3c3c3c3c3c3");
        Cli.Result same = project.run("stamp", "head");
        assertThat(same.out().lines()).containsExactly("Nothing to do: the version table already holds c3c3c3c3c3c3.");
        Cli.Result plan = project.run("stamp", "base", "--dry-run");
        assertThat(plan.out()).contains("  stamp_revision c3c3c3c3c3c3 -> \n");
        Cli.Result down = project.run("stamp", "base");
        assertThat(down.out().lines()).as("Alembic's line for removing a row").containsExactly("Running stamp_revision c3c3c3c3c3c3 -> ");
        assertThat(project.versionRows()).isEmpty();
    }

    @Test
    void stampOfARevisionTogetherWithItsDescendantWarnsHowToRepairTheTable() {
        project.run("stamp", "a1a1");
        Cli.Result plan = project.run("stamp", "b2b2", "c3c3", "--dry-run");
        assertThat(plan.err()).contains("WARNING: the version table will hold b2b2b2b2b2b2 beside",
                "retort stamp c3c3c3c3c3c3 --purge");
        // The real run writes what Alembic writes (the engine logs the same warning).
        Cli.Result result = project.run("stamp", "b2b2", "c3c3");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactlyInAnyOrder("b2b2b2b2b2b2", "c3c3c3c3c3c3");
        assertThat(project.run("upgrade", "head").err()).contains("retort stamp --purge");
        assertThat(project.run("stamp", "c3c3", "--purge").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void stampPurgeReplacesRowsThisProjectDoesNotKnow() {
        project.run("stamp", "head");
        project.execute("UPDATE retort_version SET version_num = 'ffffffffffff'");
        Cli.Result plain = project.run("stamp", "a1a1");
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.ERROR);
        Cli.Result purge = project.run("stamp", "a1a1", "--purge");
        assertThat(purge.exitCode()).as(purge.toString()).isEqualTo(ExitCodes.OK);
        assertThat(project.versionRows()).containsExactly("a1a1a1a1a1a1");
    }

    @Test
    void offlineUpgradeSqlNeedsNoDatabaseAndTouchesNone() {
        Cli cli = new Cli(folder); // no URL at all
        Cli.Result result = cli.run("upgrade", "base:head", "--sql", "--dialect", "postgresql");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("CREATE TABLE accounts", "ALTER TABLE accounts ADD COLUMN status",
                "INSERT INTO retort_version (version_num) VALUES ('a1a1a1a1a1a1')",
                "UPDATE retort_version SET version_num = 'c3c3c3c3c3c3' WHERE version_num = 'b2b2b2b2b2b2'");
        assertThat(folder.resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void offlineSqlTakesRangesForDowngradeAndRevisionsForStamp() {
        Cli.Result downgrade = project.run("downgrade", "c3c3c3c3c3c3:a1a1a1a1a1a1", "--sql", "--dialect", "h2");
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(ExitCodes.OK);
        assertThat(downgrade.out()).contains("DROP TABLE notes", "ALTER TABLE accounts DROP COLUMN status")
                .doesNotContain("DROP TABLE accounts");
        Cli.Result stamp = project.run("stamp", "b2b2b2b2b2b2", "--sql", "--dialect", "mariadb");
        assertThat(stamp.exitCode()).as(stamp.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stamp.out()).contains("retort_version").contains("b2b2b2b2b2b2");
        assertThat(project.tables()).isEmpty();
    }

    @Test
    void offlineStampTakesSeveralRevisions() {
        project.migration("d4d4d4d4d4d4", "base", "second root", "CREATE TABLE other (id INT);", "DROP TABLE other;");
        Cli.Result result = project.run("stamp", "c3c3c3c3c3c3", "d4d4d4d4d4d4", "--sql", "--dialect", "postgresql");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("'c3c3c3c3c3c3'", "'d4d4d4d4d4d4'").doesNotContain("CREATE TABLE other");
    }

    @Test
    void offlineSqlTakesItsDialectFromTheUrlWhenNoneIsGiven() {
        Cli.Result result = project.run("upgrade", "head", "--sql");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("for h2");
    }
}
