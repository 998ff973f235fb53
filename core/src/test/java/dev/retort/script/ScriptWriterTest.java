package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Direction;
import dev.retort.graph.NewRevision;
import dev.retort.graph.NewRevisionPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptWriterTest {

    @TempDir
    Path temp;

    @Test
    void rendersTheHeaderAndEmptySections() {
        NewRevision revision = new NewRevision("4f2a9c1b7d3e", List.of("9c0d1e2f3a4b"), List.of(), List.of());
        assertThat(ScriptWriter.render(revision, "add status to data_products", "2026-11-21 10:30:00")).isEqualTo("""
                -- revision: 4f2a9c1b7d3e
                -- revises: 9c0d1e2f3a4b
                -- message: add status to data_products
                -- create-date: 2026-11-21 10:30:00

                -- +upgrade


                -- +downgrade

                """);
    }

    @Test
    void aFirstRevisionRevisesBaseAndOptionalKeysAreLeftOutWhenEmpty() {
        assertThat(ScriptWriter.render(new NewRevision("a1", List.of(), List.of(), List.of()), "", null))
                .startsWith("-- revision: a1\n-- revises: base\n\n-- +upgrade\n");
    }

    @Test
    void whatIsWrittenReadsBackExactly() throws IOException {
        NewRevision revision = new NewRevision("0123456789ab", List.of("b2", "a1"), List.of("c3", "audit"),
                List.of("billing"));
        Path file = ScriptWriter.write(temp, revision, "Merge: billing & audit", "2026-11-21 10:30:00");
        assertThat(file.getFileName()).hasToString("0123456789ab_merge_billing_audit.sql");
        MigrationScript script = ScriptParser.parse(file.toString(), file, Files.readAllBytes(file));
        assertThat(script.revision()).isEqualTo(revision.id());
        assertThat(script.revises()).isEqualTo(revision.revises());
        assertThat(script.dependsOn()).isEqualTo(revision.dependsOn());
        assertThat(script.branchLabels()).isEqualTo(revision.branchLabels());
        assertThat(script.message()).isEqualTo("Merge: billing & audit");
        assertThat(script.createDate()).isEqualTo("2026-11-21 10:30:00");
        assertThat(script.transactional()).isTrue();
        assertThat(script.toRevision()).isEqualTo(revision.toRevision("Merge: billing & audit"));
        assertThat(script.sections()).extracting(Section::direction).containsExactly(Direction.UPGRADE, Direction.DOWNGRADE);
        assertThat(script.sections()).allSatisfy(s -> {
            assertThat(s.unqualified()).isTrue();
            assertThat(s.statements(SqlSyntax.POSTGRESQL)).isEmpty();
        });
    }

    @Test
    void aNewRevisionFromThePlannerLandsAsTheNewHead() throws IOException {
        Files.writeString(temp.resolve("a1_first.sql"), "-- revision: a1\n-- revises: base\n-- +upgrade\n");
        ScriptDirectory before = ScriptDirectory.load(List.of("filesystem:" + temp), null);
        String id = RevisionIds.generate();
        NewRevision revision = new NewRevisionPlanner(before.graph()).revision(id, null, false, null, List.of());
        ScriptWriter.write(temp, revision, "second step", ScriptWriter.createDate(LocalDateTime.now()));
        ScriptDirectory after = ScriptDirectory.load(List.of("filesystem:" + temp), null);
        assertThat(after.graph().heads()).containsExactly(id);
        assertThat(after.script(id).revises()).containsExactly("a1");
        assertThat(after.script(id).location()).endsWith(id + "_second_step.sql");
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        NewRevision revision = new NewRevision("a1", List.of(), List.of(), List.of());
        Path file = ScriptWriter.write(temp, revision, "first", null);
        Files.writeString(file, "-- edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        String edited = Files.readString(file);
        assertThatThrownBy(() -> ScriptWriter.write(temp, revision, "first", null))
                .isInstanceOf(ScriptException.class)
                .hasMessage(file + ": the file already exists and is never overwritten; choose another revision id "
                        + "or message, or delete the old file first.");
        assertThat(Files.readString(file)).isEqualTo(edited);
    }

    @Test
    void createsTheFolderWhenMissing() {
        Path folder = temp.resolve("db/migrations");
        Path file = ScriptWriter.write(folder, new NewRevision("a1", List.of(), List.of(), List.of()), "", null);
        assertThat(file).isEqualTo(folder.resolve("a1.sql").toAbsolutePath());
    }

    @Test
    void slugsAreLowercaseAsciiWordsJoinedByUnderscores() {
        assertThat(ScriptWriter.slug("Add Café table!")).isEqualTo("add_cafe_table");
        assertThat(ScriptWriter.slug("  add   status -- to data_products ")).isEqualTo("add_status_to_data_products");
        assertThat(ScriptWriter.slug("人")).isEmpty();
        assertThat(ScriptWriter.slug(null)).isEmpty();
        assertThat(ScriptWriter.fileName("a1", "!!!")).isEqualTo("a1.sql");
    }

    @Test
    void longSlugsAreCutAtAWordBoundary() {
        String slug = ScriptWriter.slug("add the customer loyalty programme tables and their indexes for reporting");
        assertThat(slug).isEqualTo("add_the_customer_loyalty_programme");
        assertThat(slug.length()).isLessThanOrEqualTo(ScriptWriter.MAX_SLUG);
        assertThat(ScriptWriter.slug("x".repeat(60))).hasSize(ScriptWriter.MAX_SLUG);
    }

    @Test
    void aMessageWithALineBreakIsRefused() {
        assertThatThrownBy(() -> ScriptWriter.render(new NewRevision("a1", List.of(), List.of(), List.of()),
                "one\ntwo", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The message must be one line");
    }

    @Test
    void aHeaderThatWouldNotLoadIsNeverWritten() {
        assertThatThrownBy(() -> ScriptWriter.write(temp, new NewRevision("head", List.of(), List.of(), List.of()),
                "x", null))
                .isInstanceOf(ScriptLoadException.class)
                .hasMessageContaining("head_x.sql line 1: 'head' in 'revision' is reserved");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void createDateIsWrittenToTheSecond() {
        assertThat(ScriptWriter.createDate(LocalDateTime.of(2026, 11, 21, 10, 30, 0, 123_000_000)))
                .isEqualTo("2026-11-21 10:30:00");
    }
}
