package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages docs/troubleshooting.md quotes are the ones the CLI prints: each case makes a
 * mistake, and the page's text (its {@code <placeholders>} standing for anything) must be in
 * what {@code retort} printed, with the exit code the page gives. The example folder on the
 * page, {@code /home/me/shop}, stands for the test's folder.
 */
class TroubleshootingDocTest {

    private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z -]*>");

    @TempDir
    Path folder;

    private String page;
    private String url;

    @BeforeEach
    void setUp() throws IOException {
        page = Files.readString(PAGE);
        url = "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
    }

    @Test
    void connectionAndSettingsMessagesAreTheOnesOnThePage() throws IOException {
        Files.createDirectories(folder.resolve("m"));
        Files.createDirectories(folder.resolve("empty"));
        Files.writeString(folder.resolve("m").resolve("a1_first.sql"), FIRST);
        expect(1, "No database URL configured: pass --url, set RETORT_URL, add url= to retort.properties, or set "
                + "spring.datasource.url in src/main/resources/application.properties.", "--locations", "m", "current");
        expect(1, "Migrations folder /home/me/shop/src/main/resources/db/migrations (the default location) "
                + "does not exist; run 'retort init' to create it, or point "
                + "--locations at your migrations.", "--url", url, "current");
        expect(1, "No migration files (*.sql) found in filesystem:/home/me/shop/empty (locations from --locations); "
                + "create one with 'retort revision -m \"...\"', or point --locations at your migrations.",
                "--url", url, "--locations", "empty", "upgrade", "head");
        expect(1, "Location 's3:bucket' (from --locations) has an unknown prefix 's3:'; use a folder, "
                + "'filesystem:<folder>' or 'classpath:<path>'.", "--url", url, "--locations", "s3:bucket", "current");
        expect(1, "No JDBC driver accepts jdbc:foo:bar (URL from --url); retort ships drivers for jdbc:postgresql:, "
                + "jdbc:h2: and jdbc:mariadb: URLs (use jdbc:mariadb: for MySQL too).",
                "--url", "jdbc:foo:bar", "--locations", "m", "current");
        expect(1, "Offline SQL (--sql) needs a dialect and never connects: pass --dialect postgresql, h2, mysql or "
                + "mariadb.", "--locations", "m", "upgrade", "--sql");
        String badTimeout = "Invalid lock timeout from RETORT_LOCK_TIMEOUT: 'a minute' is not a duration; expected a "
                + "duration such as 30s, 500ms, 2m or PT30S (zero or positive; a number without a unit is milliseconds, "
                + "as in Spring Boot).";
        assertThat(page).contains(badTimeout);
        Cli.Result timeout = cli().env("RETORT_LOCK_TIMEOUT", "a minute").run("--url", url, "--locations", "m", "upgrade");
        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(timeout.errLine()).isEqualTo("FAILED: " + badTimeout);
        expect(1, "Invalid dialect from RETORT_DIALECT: 'oracle' is not a dialect Retort knows; give one of postgresql, "
                + "h2, mariadb, mysql, or leave the dialect out to detect it from the connection.",
                cli().env("RETORT_DIALECT", "oracle"), "--url", url, "--locations", "m", "upgrade");
        Files.writeString(folder.resolve("retort.properties"), "url=jdbc:h2:mem:x\nlocation=m\n");
        expect(1, "/home/me/shop/retort.properties:2: unknown setting 'location'; did you mean 'locations'? Known "
                + "settings: url, user, password, schema, locations, dialect, version-table, history-table, lock-timeout.",
                "history");
        expect(1, "/home/me/shop/retort.properties already exists; retort init does not overwrite it. Edit it, or "
                + "delete it and run retort init again.", "init");
        Files.delete(folder.resolve("retort.properties"));
        expect(1, "The --url given to retort init contains a password, and retort init does not write passwords into "
                + "retort.properties; pass the URL without it and set RETORT_PASSWORD.",
                "--url", "jdbc:postgresql://db/x?password=secret", "init");
    }

    @Test
    void usageErrorsAreTheOnesOnThePage() throws IOException {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(folder.resolve("m").resolve("a1_first.sql"), FIRST);
        expect(2, "retort: error: Unknown command 'upgrad'. Did you mean: upgrade? (see 'retort --help')", "upgrad");
        expect(2, "retort upgrade: error: Unknown option: '--fast' (see 'retort upgrade --help')", "upgrade", "--fast");
        expect(2, "retort downgrade: error: Missing required parameter: 'TARGET' (see 'retort downgrade --help')",
                "downgrade");
        expect(2, "retort upgrade: error: --sql and --dry-run exclude each other: --sql prints SQL without connecting, "
                + "--dry-run connects and prints the plan. (see 'retort upgrade --help')",
                "--locations", "m", "upgrade", "--sql", "--dry-run");
        expect(2, "retort upgrade: error: --json does not go with --sql: the output of --sql is an SQL script. "
                + "(see 'retort upgrade --help')", "--locations", "m", "upgrade", "--json", "--sql");
        expect(2, "retort graph: error: Unknown --format 'png'; use text, mermaid or dot. (see 'retort graph --help')",
                "--locations", "m", "graph", "--format", "png");
        expect(2, "retort graph: error: --json and --format exclude each other: --json prints the graph as data, "
                + "--format draws it (text, mermaid or dot); give one of them. (see 'retort graph --help')",
                "--locations", "m", "graph", "--format", "dot", "--json");
        expect(2, "retort revision: error: --rev-id 'bad-id' is not a valid revision id: use 1 to 32 letters, digits "
                + "or underscores, and not base, head, heads or current. (see 'retort revision --help')",
                "--locations", "m", "revision", "-m", "x", "--rev-id", "bad-id");
        expect(2, "retort upgrade: error: Invalid value for option '--lock-timeout': 'soon' is not a duration; expected "
                + "a duration such as 30s, 500ms, 2m or PT30S (zero or positive; a number without a unit is milliseconds, "
                + "as in Spring Boot) (see 'retort upgrade --help')",
                "--url", url, "--locations", "m", "upgrade", "--lock-timeout", "soon");
        expect(2, "retort current: error: Unknown options: '--lock-timeout', '1s' --lock-timeout is an option of "
                + "upgrade, downgrade, stamp and repair only. (see 'retort current --help')",
                "--locations", "m", "current", "--lock-timeout", "1s");
        expect(2, "retort upgrade: error: Invalid value for option '--dialect': 'oracle' is not a dialect Retort knows; "
                + "give one of postgresql, h2, mariadb, mysql, or leave the dialect out to detect it from the connection "
                + "(see 'retort upgrade --help')", "--url", url, "--locations", "m", "upgrade", "--dialect", "oracle");
    }

    @Test
    void graphTargetAndRunMessagesAreTheOnesOnThePage() throws IOException {
        Path m = Files.createDirectories(folder.resolve("m"));
        Files.writeString(m.resolve("a1_first.sql"), FIRST);
        Files.writeString(m.resolve("b1_second.sql"), """
                -- revision: b1b1b1b1b1b1
                -- revises: a1a1a1a1a1a1
                -- message: add name

                -- +upgrade
                ALTER TABLE t ADD COLUMN name VARCHAR(20);
                """);
        Files.writeString(m.resolve("b2_other.sql"), """
                -- revision: b2b2b2b2b2b2
                -- revises: a1a1a1a1a1a1
                -- message: other branch
                -- branch-labels: feature

                -- +upgrade
                CREATE TABLE u (id INT);

                -- +downgrade
                DROP TABLE u;
                """);
        expect(1, "'head' names 2 heads (b1b1b1b1b1b1, b2b2b2b2b2b2) where one revision is needed; name one of them, "
                + "use '<branch-label>@head' to pick the head of one branch, 'heads' for all of them, or join them "
                + "with `retort merge` (`retort heads` lists them)", "--url", url, "--locations", "m", "upgrade", "head");
        expect(1, "'b' is the start of 2 revision ids (b1b1b1b1b1b1, b2b2b2b2b2b2); type more of the id to pick one",
                "--locations", "m", "show", "b");
        expect(1, "No revision or branch label matches 'zzzz'; `retort history` lists every revision and "
                + "`retort branches` the labels", "--locations", "m", "show", "zzzz");
        expect(1, "There are 2 heads (<ids>), so the new revision needs --head: name the head to build on (or "
                + "'<branch-label>@head'), or join them first with `retort merge heads`",
                "--locations", "m", "revision", "-m", "x");
        assertThat(cli().run("--url", url, "--locations", "m", "upgrade", "heads").exitCode()).isZero();
        expect(1, "'+1' is ambiguous: the database is at several revisions (<ids>); name the revision to walk from "
                + "('<id>+1') or use '<branch-label>@+1'", "--url", url, "--locations", "m", "upgrade", "+1");
        expect(1, "'+1' walks up, which a downgrade cannot do; use `retort upgrade +1`",
                "--url", url, "--locations", "m", "downgrade", "+1");
        expect(1, "Cannot downgrade through revision b1b1b1b1b1b1 (add name): <file> has no '-- +downgrade' section, "
                + "so it is irreversible. Nothing was run. Add a downgrade section to the file, or choose a target "
                + "above this revision.", "--url", url, "--locations", "m", "downgrade", "base");
        Files.writeString(m.resolve("b2_other.sql"), "-- a comment\n", java.nio.file.StandardOpenOption.APPEND);
        expect(1, "Refusing to upgrade: 1 applied migration file has changed since it ran:",
                "--url", url, "--locations", "m", "upgrade", "heads");
        Path older = Files.createDirectories(folder.resolve("older"));
        Files.writeString(older.resolve("a1_first.sql"), FIRST);
        expect(1, "The version table retort_version in schema PUBLIC holds revisions b1b1b1b1b1b1, b2b2b2b2b2b2, which "
                + "none of the loaded migrations declares: a newer build has probably migrated this database. Refusing "
                + "to upgrade. Run the build that has those revisions, or, if they are gone for good, set the version "
                + "table with `retort stamp <revision> --purge`.", "--url", url, "--locations", "older", "upgrade", "head");
    }

    @Test
    void databaseFailuresOnH2AreTheOnesOnThePage() throws IOException {
        Path m = Files.createDirectories(folder.resolve("m"));
        Files.writeString(m.resolve("a1_first.sql"), FIRST);
        Files.writeString(m.resolve("c1_bad.sql"), """
                -- revision: c1c1c1c1c1c1
                -- revises: a1a1a1a1a1a1
                -- message: add customer to orders

                -- +upgrade
                CREATE TABLE v (id INT);
                ALTER TABLE orderz ADD COLUMN customer_id INT;

                -- +downgrade
                DROP TABLE v;
                """);
        expect(1, "H2 commits DDL implicitly, so it cannot roll it back. These statements of the revision had already "
                + "been applied and stay applied:", "--url", url, "--locations", "m", "upgrade", "head");
        expect(1, "Schema PUBLIC already holds tables (LEGACY) but has no version table retort_version, so Retort "
                + "cannot tell which revisions they correspond to. If they match a revision, set "
                + "retort.baseline-revision to it (it is stamped first, then newer revisions run), or run "
                + "`retort stamp <revision>` once; or point the schema (retort.schema, or --schema on the command line) "
                + "at an empty schema.",
                "--url", "jdbc:h2:file:" + folder.resolve("legacy").toAbsolutePath()
                        + ";INIT=CREATE TABLE IF NOT EXISTS legacy(id INT)",
                "--locations", "m", "upgrade", "head");
    }

    private static final String FIRST = """
            -- revision: a1a1a1a1a1a1
            -- revises: base
            -- message: create t

            -- +upgrade
            CREATE TABLE t (id INT PRIMARY KEY);

            -- +downgrade
            DROP TABLE t;
            """;

    private Cli cli() {
        return new Cli(folder);
    }

    /** The page holds {@code text}, and running {@code args} exits with {@code exitCode} printing it. */
    private void expect(int exitCode, String text, String... args) {
        expect(exitCode, text, cli(), args);
    }

    /** As {@link #expect(int, String, String...)}, run with {@code cli} (for its environment variables). */
    private void expect(int exitCode, String text, Cli cli, String... args) {
        assertThat(page).as("docs/troubleshooting.md").contains(text);
        Cli.Result result = cli.run(args);
        String printed = (result.out() + result.err()).replace(folder.toAbsolutePath().toString(), "/home/me/shop");
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(exitCode);
        assertThat(printed).as("retort " + String.join(" ", args)).containsPattern(pattern(text));
    }

    /** The page's text as a pattern: literal, except that each {@code <placeholder>} matches anything. */
    private static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.substring(at, placeholder.start()))).append(".*?");
            at = placeholder.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
