package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Direction;
import dev.retort.graph.Revision;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    static final String FILE = "db/migrations/ae10_add.sql";

    static MigrationScript parse(String text) {
        return ScriptParser.parse(FILE, null, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The problems of a file that must not load, as "line|message". */
    static List<ScriptProblem> problems(String text) {
        ScriptParser.Parsed parsed = ScriptParser.read(FILE, null, text.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.script()).as("a file with problems yields no script").isNull();
        assertThat(parsed.problems()).isNotEmpty();
        return parsed.problems();
    }

    /** Asserts the file fails with exactly one problem at {@code line} whose message contains the fragments. */
    static void failsWith(String text, int line, String... fragments) {
        List<ScriptProblem> problems = problems(text);
        assertThat(problems).hasSize(1);
        ScriptProblem problem = problems.get(0);
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.toString()).startsWith(FILE + " line " + line + ": ");
        for (String fragment : fragments) {
            assertThat(problem.message()).contains(fragment);
        }
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ScriptLoadException.class)
                .hasMessageContaining(FILE + " line " + line + ": ");
    }

    @Nested
    class Header {

        @Test
        void readsTheExampleFromTheDesign() {
            MigrationScript script = parse("""
                    -- revision: 4f2a9c1b7d3e
                    -- revises: 9c0d1e2f3a4b
                    -- message: add status to data_products
                    -- create-date: 2026-11-21 10:30:00

                    -- +upgrade
                    ALTER TABLE data_products ADD COLUMN status VARCHAR(20) DEFAULT 'draft' NOT NULL;

                    -- +downgrade
                    ALTER TABLE data_products DROP COLUMN status;
                    """);
            assertThat(script.revision()).isEqualTo("4f2a9c1b7d3e");
            assertThat(script.revises()).containsExactly("9c0d1e2f3a4b");
            assertThat(script.message()).isEqualTo("add status to data_products");
            assertThat(script.createDate()).isEqualTo("2026-11-21 10:30:00");
            assertThat(script.branchLabels()).isEmpty();
            assertThat(script.dependsOn()).isEmpty();
            assertThat(script.transactional()).isTrue();
            assertThat(script.location()).isEqualTo(FILE);
            assertThat(script.reversible()).isTrue();
            assertThat(script.sections()).extracting(Section::direction, Section::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.UPGRADE, 6),
                            org.assertj.core.groups.Tuple.tuple(Direction.DOWNGRADE, 9));
            assertThat(script.statements(script.sections().get(0), SqlSyntax.POSTGRESQL))
                    .containsExactly(new SqlStatement("ALTER TABLE data_products ADD COLUMN status VARCHAR(20) "
                            + "DEFAULT 'draft' NOT NULL", 7));
            assertThat(script.toRevision()).isEqualTo(new Revision("4f2a9c1b7d3e", List.of("9c0d1e2f3a4b"),
                    List.of(), List.of(), "add status to data_products"));
        }

        @Test
        void revisesBaseMakesARootRevision() {
            assertThat(parse("-- revision: a1\n-- revises: base\n-- +upgrade\n").revises()).isEmpty();
        }

        @Test
        void revisesListsSeveralParentsOfAMergeInTheOrderWritten() {
            assertThat(parse("-- revision: m1\n-- revises: b2 , a1,c3\n-- +upgrade\n").revises())
                    .containsExactly("b2", "a1", "c3");
        }

        @Test
        void branchLabelsAndDependsOnAreCommaLists() {
            MigrationScript script = parse("""
                    -- revision: a1
                    -- revises: base
                    -- branch-labels: billing, audit
                    -- depends-on: ffee00112233, audit_root
                    -- +upgrade
                    """);
            assertThat(script.branchLabels()).containsExactly("billing", "audit");
            assertThat(script.dependsOn()).containsExactly("ffee00112233", "audit_root");
            assertThat(script.toRevision().branchLabels()).containsExactly("billing", "audit");
        }

        @Test
        void transactionalFalseRunsOutsideATransactionAndTrueIsTheDefault() {
            assertThat(parse("-- revision: a1\n-- revises: base\n-- transactional: false\n-- +upgrade\n")
                    .transactional()).isFalse();
            assertThat(parse("-- revision: a1\n-- revises: base\n-- transactional: true\n-- +upgrade\n")
                    .transactional()).isTrue();
            assertThat(parse("-- revision: a1\n-- revises: base\n-- +upgrade\n").transactional()).isTrue();
        }

        @Test
        void messageAndCreateDateAreOptionalAndMayBeEmpty() {
            MigrationScript script = parse("-- revision: a1\n-- revises: base\n-- message:\n-- create-date:\n-- +upgrade\n");
            assertThat(script.message()).isEmpty();
            assertThat(script.createDate()).isNull();
            MigrationScript bare = parse("-- revision: a1\n-- revises: base\n-- +upgrade\n");
            assertThat(bare.message()).isEmpty();
            assertThat(bare.createDate()).isNull();
        }

        @Test
        void messageKeepsColonsAndInnerSpacingButNotOuterWhitespace() {
            assertThat(parse("-- revision: a1\n-- revises: base\n-- message:   fix: a  b  \n-- +upgrade\n").message())
                    .isEqualTo("fix: a  b");
        }

        @Test
        void spacingAroundDashesAndColonIsFree() {
            MigrationScript script = parse("--revision:a1\n  --   revises :  base\n-- +upgrade\n");
            assertThat(script.revision()).isEqualTo("a1");
            assertThat(script.revises()).isEmpty();
        }

        @Test
        void blankLinesAndFreeCommentsMayComeBeforeAndBetweenHeaderLines() {
            MigrationScript script = parse("""

                    -- Adds the audit table (see https://example.com/tickets/12).
                    -- revision: a1

                    -- the parent is the initial schema
                    -- revises: base
                    -- +upgrade
                    """);
            assertThat(script.revision()).isEqualTo("a1");
        }

        @Test
        void headerLikeCommentsAfterTheFirstSectionAreSqlComments() {
            MigrationScript script = parse("-- revision: a1\n-- revises: base\n-- +upgrade\n-- note: fast\nSELECT 1;\n");
            assertThat(script.statements(script.sections().get(0), SqlSyntax.H2))
                    .containsExactly(new SqlStatement("SELECT 1", 5));
        }

        @Test
        void crlfLineEndingsAndABomReadTheSame() {
            String lf = "-- revision: a1\n-- revises: base\n-- +upgrade\nSELECT 1;\n";
            byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] bom = new byte[crlf.length + 3];
            bom[0] = (byte) 0xEF;
            bom[1] = (byte) 0xBB;
            bom[2] = (byte) 0xBF;
            System.arraycopy(crlf, 0, bom, 3, crlf.length);
            MigrationScript fromLf = parse(lf);
            MigrationScript fromBom = ScriptParser.parse(FILE, null, bom);
            assertThat(fromBom.revision()).isEqualTo("a1");
            assertThat(fromBom.sections()).isEqualTo(fromLf.sections());
            assertThat(fromBom.checksum()).isEqualTo(fromLf.checksum());
        }

        @Test
        void loneCrLineEndingsReadTheSameAsLf() {
            String lf = "-- revision: a1\n-- revises: base\n-- +upgrade\nSELECT 1;\n\n-- +downgrade\nSELECT 2;\n";
            MigrationScript fromCr = ScriptParser.parse(FILE, null, lf.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
            assertThat(fromCr.sections()).isEqualTo(parse(lf).sections());
            assertThat(fromCr.sections().get(0).body()).isEqualTo("SELECT 1;\n");
            assertThat(fromCr.checksum()).isEqualTo(parse(lf).checksum());
        }

        @Test
        void aReplacementCharacterWrittenInTheFileIsOrdinaryText() {
            // U+FFFD is also what a lenient decoder puts in place of bad bytes; written on purpose it is fine.
            MigrationScript script = parse("-- revision: a1\n-- revises: base\n-- message: caf\uFFFD\n-- +upgrade\n");
            assertThat(script.message()).isEqualTo("caf\uFFFD");
        }
    }

    @Nested
    class HeaderErrors {

        @Test
        void missingRevision() {
            failsWith("-- revises: base\n-- +upgrade\n", 1, "missing header key 'revision'; add a line '-- revision: <id>' "
                    + "(e.g. '-- revision: 4f2a9c1b7d3e') before the first section.");
        }

        @Test
        void missingRevises() {
            failsWith("-- revision: a1\n-- +upgrade\n", 1, "missing header key 'revises'; add a line '-- revises: <parent id>' "
                    + "('-- revises: base' for a first revision) before the first section.");
        }

        @Test
        void revisionWithoutValue() {
            failsWith("-- revision:\n-- revises: base\n-- +upgrade\n", 1, "header key 'revision' has no value; write "
                    + "'-- revision: <id>'");
        }

        @Test
        void malformedRevisionId() {
            failsWith("-- revision: add-users\n-- revises: base\n-- +upgrade\n", 1,
                    "'add-users' in 'revision' is not a valid revision id", "[A-Za-z0-9_]{1,32}");
        }

        @Test
        void revisionIdLongerThan32Characters() {
            failsWith("-- revision: " + "a".repeat(33) + "\n-- revises: base\n-- +upgrade\n", 1, "is not a valid revision id");
        }

        @Test
        void aRevisionWithSpacesIsNotToldToUseCommas() {
            List<ScriptProblem> problems = problems("-- revision: a1 b2\n-- revises: base\n-- +upgrade\n");
            assertThat(problems).singleElement().extracting(ScriptProblem::message).asString()
                    .contains("'a1 b2' in 'revision' is not a valid revision id").doesNotContain("commas");
        }

        @Test
        void spaceSeparatedRevisesSuggestsCommas() {
            failsWith("-- revision: m1\n-- revises: a1 b2\n-- +upgrade\n", 2, "'a1 b2' in 'revises' is not a valid",
                    "separate several with commas");
        }

        @Test
        void malformedDependsOnAndBranchLabel() {
            failsWith("-- revision: a1\n-- revises: base\n-- depends-on: x.y\n-- +upgrade\n", 3,
                    "'x.y' in 'depends-on' is not a valid revision id or branch label");
            failsWith("-- revision: a1\n-- revises: base\n-- branch-labels: my label@\n-- +upgrade\n", 3,
                    "is not a valid branch label");
        }

        @Test
        void reservedRevisionIds() {
            for (String reserved : List.of("base", "head", "heads", "current")) {
                failsWith("-- revision: " + reserved + "\n-- revises: base\n-- +upgrade\n", 1,
                        "'" + reserved + "' in 'revision' is reserved", "choose another revision id");
            }
            failsWith("-- revision: a1\n-- revises: head\n-- +upgrade\n", 2, "'head' in 'revises' is reserved",
                    "'revises: base' alone");
            failsWith("-- revision: a1\n-- revises: base\n-- branch-labels: heads\n-- +upgrade\n", 3,
                    "'heads' in 'branch-labels' is reserved");
        }

        @Test
        void baseMixedWithParents() {
            failsWith("-- revision: a1\n-- revises: base, b2\n-- +upgrade\n", 2, "'base' cannot be combined");
        }

        @Test
        void emptyListItemAndRepeatedItem() {
            failsWith("-- revision: m1\n-- revises: a1,,b2\n-- +upgrade\n", 2, "has an empty item");
            failsWith("-- revision: m1\n-- revises: a1, a1\n-- +upgrade\n", 2, "lists 'a1' twice");
        }

        @Test
        void unknownKeySuggestsTheNearest() {
            failsWith("-- revision: a1\n-- revison: a2\n-- revises: base\n-- +upgrade\n", 2,
                    "unknown header key 'revison'; did you mean 'revision'?", "Known keys: revision, revises, message");
            failsWith("-- revision: a1\n-- revises: base\n-- depends_on: b1\n-- +upgrade\n", 3, "did you mean 'depends-on'?");
            failsWith("-- revision: a1\n-- revises: base\n-- Message: hi\n-- +upgrade\n", 3, "did you mean 'message'?",
                    "lowercase");
        }

        @Test
        void unknownKeyFarFromAnyKnownKeyListsThemAll() {
            failsWith("-- revision: a1\n-- revises: base\n-- author: me\n-- +upgrade\n", 3,
                    "unknown header key 'author'. Known keys: revision, revises, message, branch-labels, depends-on, "
                            + "create-date, transactional");
        }

        @Test
        void duplicateKeyNamesBothLines() {
            failsWith("-- revision: a1\n-- revises: base\n-- revises: b2\n-- +upgrade\n", 3,
                    "duplicate header key 'revises' (first given at line 2)", "'revises: a, b'");
        }

        @Test
        void transactionalOtherThanTrueOrFalse() {
            failsWith("-- revision: a1\n-- revises: base\n-- transactional: no\n-- +upgrade\n", 3,
                    "'transactional: no' must be 'true'", "'false'");
            failsWith("-- revision: a1\n-- revises: base\n-- transactional: TRUE\n-- +upgrade\n", 3, "must be 'true'");
        }

        @Test
        void sqlBeforeTheFirstSectionIsReportedOnce() {
            failsWith("-- revision: a1\n-- revises: base\nCREATE TABLE t (id INT);\nDROP TABLE t;\n-- +upgrade\n", 3,
                    "SQL before the first section marker", "under a '-- +upgrade'");
        }

        @Test
        void emptyFile() {
            failsWith("\n  \n", 1, "the file is empty");
        }

        @Test
        void notUtf8() {
            ScriptParser.Parsed parsed = ScriptParser.read(FILE, null, new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28});
            assertThat(parsed.problems()).singleElement().hasToString(FILE
                    + ": the file is not valid UTF-8 text; save it with UTF-8 encoding.");
        }

        @Test
        void notUtf8EvenWhenTheFileAlsoHoldsAReplacementCharacter() {
            byte[] good = "-- message: \uFFFD\n".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Arrays.copyOf(good, good.length + 1);
            bytes[good.length] = (byte) 0xFF;
            assertThat(ScriptParser.read(FILE, null, bytes).problems()).singleElement().hasToString(FILE
                    + ": the file is not valid UTF-8 text; save it with UTF-8 encoding.");
        }
    }

    @Nested
    class Sections {

        static final String HEAD = "-- revision: a1\n-- revises: base\n";

        @Test
        void dialectQualifiedSectionsKeepTheirDialectsAndBodies() {
            MigrationScript script = parse(HEAD + """
                    -- +upgrade postgresql
                    CREATE INDEX CONCURRENTLY i ON t (c);
                    -- +upgrade h2,mysql
                    CREATE INDEX i ON t (c);
                    -- +upgrade
                    SELECT 1;
                    -- +downgrade  mariadb , h2
                    DROP INDEX i ON t;
                    """);
            assertThat(script.sections()).extracting(Section::dialects).containsExactly(
                    List.of("postgresql"), List.of("h2", "mysql"), List.of(), List.of("mariadb", "h2"));
            assertThat(script.sections().get(0).body()).isEqualTo("CREATE INDEX CONCURRENTLY i ON t (c);");
            assertThat(script.sections().get(3).line()).isEqualTo(9);
        }

        @Test
        void theSectionForTheDialectWinsOverTheUnqualifiedOne() {
            MigrationScript script = parse(HEAD + """
                    -- +upgrade
                    SELECT 'any';
                    -- +upgrade mysql
                    SELECT 'mysql';
                    -- +upgrade mariadb
                    SELECT 'mariadb';
                    """);
            assertThat(script.section(Direction.UPGRADE, List.of("mariadb", "mysql")).orElseThrow().line()).isEqualTo(7);
            assertThat(script.section(Direction.UPGRADE, List.of("mysql")).orElseThrow().line()).isEqualTo(5);
            assertThat(script.section(Direction.UPGRADE, List.of("postgresql")).orElseThrow().line()).isEqualTo(3);
        }

        @Test
        void theFirstDialectNameWithAQualifiedSectionWins() {
            MigrationScript script = parse(HEAD + "-- +upgrade mysql\nSELECT 1;\n-- +upgrade mariadb\nSELECT 2;\n");
            assertThat(script.section(Direction.UPGRADE, List.of("mysql", "mariadb")).orElseThrow().line()).isEqualTo(3);
            assertThat(script.section(Direction.UPGRADE, List.of("mariadb", "mysql")).orElseThrow().line()).isEqualTo(5);
        }

        @Test
        void noDowngradeSectionMeansIrreversible() {
            MigrationScript script = parse(HEAD + "-- +upgrade\nSELECT 1;\n");
            assertThat(script.reversible()).isFalse();
            assertThat(script.section(Direction.DOWNGRADE, List.of("h2"))).isEmpty();
        }

        @Test
        void anEmptySectionIsAValidNoOp() {
            MigrationScript script = parse(HEAD + "-- +upgrade\n\n-- nothing to do\n-- +downgrade\n");
            assertThat(script.statements(script.section(Direction.UPGRADE, List.of("h2")).orElseThrow(), SqlSyntax.H2))
                    .isEmpty();
            assertThat(script.reversible()).isTrue();
        }

        @Test
        void sectionsThatExistButDoNotFitTheDialectAreAnErrorNamingFileAndDialects() {
            MigrationScript script = parse(HEAD + "-- +upgrade postgresql\nSELECT 1;\n-- +upgrade h2\nSELECT 1;\n");
            assertThatThrownBy(() -> script.section(Direction.UPGRADE, List.of("mariadb", "mysql")))
                    .isInstanceOf(ScriptException.class)
                    .hasMessage(FILE + " line 3: no -- +upgrade section fits dialect mariadb/mysql; this file has "
                            + "-- +upgrade sections only for postgresql, h2. Add a '-- +upgrade mariadb' section, or "
                            + "an unqualified '-- +upgrade' section that fits any database.");
        }

        @Test
        void markersIgnoreCase() {
            MigrationScript script = parse(HEAD + "-- +UPGRADE\nSELECT 1;\n--+Downgrade h2\nSELECT 2;\n");
            assertThat(script.sections()).extracting(Section::direction)
                    .containsExactly(Direction.UPGRADE, Direction.DOWNGRADE);
        }

        @Test
        void beginEndBlocksAreOneStatementWithTheirFileLine() {
            MigrationScript script = parse(HEAD + """
                    -- +upgrade mysql
                    -- +begin
                    CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW
                    BEGIN
                      SET NEW.c = 1;
                    END;
                    -- +end
                    """);
            assertThat(script.statements(script.sections().get(0), SqlSyntax.MYSQL)).containsExactly(new SqlStatement(
                    "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.c = 1;\nEND", 5));
        }

        @Test
        void splittingErrorsAtRunTimeNameTheFile() {
            MigrationScript script = parse(HEAD + "-- +upgrade\nSELECT 'C:\\';\n");
            assertThatThrownBy(() -> script.statements(script.sections().get(0), SqlSyntax.MYSQL))
                    .isInstanceOf(ScriptException.class)
                    .hasMessageStartingWith(FILE + " line 4: the string starting with ' is never closed");
        }
    }

    @Nested
    class SectionErrors {

        static final String HEAD = "-- revision: a1\n-- revises: base\n";

        @Test
        void noUpgradeSection() {
            failsWith(HEAD + "-- message: x\n", 4, "no '-- +upgrade' section", "an empty section is a valid no-op");
            failsWith(HEAD + "-- +downgrade\nSELECT 1;\n", 3, "no '-- +upgrade' section");
        }

        @Test
        void duplicateUnqualifiedSections() {
            failsWith(HEAD + "-- +upgrade\nSELECT 1;\n-- +downgrade\n-- +upgrade\nSELECT 2;\n", 6,
                    "a second '-- +upgrade' section (the first is at line 3)");
        }

        @Test
        void dialectQualifiedSectionClash() {
            failsWith(HEAD + "-- +downgrade h2, postgresql\n-- +upgrade\n-- +downgrade postgresql\n", 5,
                    "a second '-- +downgrade' section for postgresql (the section at line 3 also names postgresql)");
        }

        @Test
        void mysqlAndMariadbSectionsDoNotClash() {
            assertThat(parse(HEAD + "-- +upgrade mysql\n-- +upgrade mariadb\n").sections()).hasSize(2);
        }

        @Test
        void unknownDialectSuggestsTheNearest() {
            failsWith(HEAD + "-- +upgrade postgres\nSELECT 1;\n", 3,
                    "unknown dialect 'postgres' in '-- +upgrade postgres'; did you mean 'postgresql'?",
                    "Known dialects: postgresql, h2, mysql, mariadb");
            failsWith(HEAD + "-- +upgrade h2, PostgreSQL\n", 3, "did you mean 'postgresql'?");
            failsWith(HEAD + "-- +upgrade oracle\n", 3, "unknown dialect 'oracle' in '-- +upgrade oracle'. Known");
        }

        @Test
        void dialectNamedTwiceOnOneMarker() {
            failsWith(HEAD + "-- +upgrade h2,h2\n", 3, "names h2 twice");
        }

        @Test
        void misspeltMarkerIsAnErrorNotAComment() {
            failsWith(HEAD + "-- +upgrade\nSELECT 1;\n-- +downgarde\nSELECT 2;\n", 5,
                    "unknown marker '-- +downgarde'; did you mean 'downgrade'?");
            failsWith(HEAD + "-- +upgarde\n-- +upgrade\n", 3, "did you mean 'upgrade'?");
        }

        @Test
        void blockMarkersMustStandAlone() {
            failsWith(HEAD + "-- +upgrade\n-- +begin\nSELECT 1;\n-- +end of trigger\n", 6,
                    "'-- +end' must stand alone on its line, but 'of trigger' follows it");
        }

        @Test
        void beginBeforeTheFirstSection() {
            failsWith(HEAD + "-- +begin\n-- +upgrade\n", 3, "'-- +begin' before the first section");
        }

        @Test
        void unclosedStringInADialectSectionIsFoundAtLoadTime() {
            failsWith(HEAD + "-- +upgrade\n-- +upgrade mysql\nSELECT 'C:\\';\n", 5,
                    "the string starting with ' is never closed", "(splitting this mysql section)");
        }

        @Test
        void unqualifiedSectionFailsAtLoadTimeOnlyWhenNoDialectCanSplitIt() {
            failsWith(HEAD + "-- +upgrade\nSELECT 1;\n-- +begin\nSELECT 2;\n", 5, "'-- +begin' is never closed");
            assertThat(parse(HEAD + "-- +upgrade\nSELECT 'C:\\';\n").sections()).hasSize(1);
        }
    }

    @Test
    void everyProblemInAFileIsReportedInLineOrder() {
        List<ScriptProblem> problems = problems("""
                -- revision: head
                -- revises: zz-9
                -- autor: me
                -- +upgrade postgress
                -- +downgrade
                -- +downgrade
                """);
        assertThat(problems).extracting(ScriptProblem::line).containsExactly(1, 2, 3, 4, 6);
        assertThatThrownBy(() -> parse("-- revision: head\n-- revises: zz-9\n-- +upgrade\n"))
                .hasMessage("Migration files have 2 problems; nothing was run:\n"
                        + "  - " + FILE + " line 1: 'head' in 'revision' is reserved (base, head, heads and current "
                        + "name positions, not revisions); choose another revision id, e.g. 12 random hex digits as "
                        + "'retort revision' generates.\n"
                        + "  - " + FILE + " line 2: 'zz-9' in 'revises' is not a valid revision id: use 1 to 32 "
                        + "letters, digits or underscores ([A-Za-z0-9_]{1,32}).");
    }
}
