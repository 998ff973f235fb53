package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each case is a section body (starting at file line 1), a syntax, and the
 * statements expected as {@code "line|sql"}.
 */
class SqlSplitterTest {

    private static final SqlSyntax PG = SqlSyntax.POSTGRESQL;
    private static final SqlSyntax H2 = SqlSyntax.H2;
    private static final SqlSyntax MY = SqlSyntax.MYSQL;

    static Stream<Arguments> cases() {
        return Stream.of(
                c("two simple statements", PG, "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);",
                        "1|CREATE TABLE a (id INT)", "2|CREATE TABLE b (id INT)"),
                c("a last statement without semicolon still counts", PG, "SELECT 1;\nSELECT 2\n",
                        "1|SELECT 1", "2|SELECT 2"),
                c("empty body has no statements", PG, ""),
                c("blank lines only", PG, "\n\n   \n"),
                c("comment-only leftovers are not statements", PG, "SELECT 1;\n-- nothing here\n/* nor here */\n",
                        "1|SELECT 1"),
                c("empty statements between semicolons are dropped", PG, "SELECT 1;;\n;SELECT 2;", "1|SELECT 1", "2|SELECT 2"),
                c("line is that of the first significant character", PG,
                        "\n\n-- leading comment\n/* block\n comment */\n  INSERT INTO t VALUES (1);",
                        "6|INSERT INTO t VALUES (1)"),
                c("statement spanning lines keeps its first line and inner newlines", PG,
                        "SELECT 1;\n\nINSERT INTO t\n  VALUES (2);",
                        "1|SELECT 1", "3|INSERT INTO t\n  VALUES (2)"),
                c("inner comments are kept, trailing comments dropped", PG,
                        "SELECT 1 -- one\n  + 2 /* two */ -- tail\n;",
                        "1|SELECT 1 -- one\n  + 2"),
                c("semicolon inside a string", PG, "INSERT INTO t VALUES ('a;b');SELECT 2;",
                        "1|INSERT INTO t VALUES ('a;b')", "1|SELECT 2"),
                c("doubled quote escapes inside a string", PG, "SELECT 'it''s; fine';SELECT 2",
                        "1|SELECT 'it''s; fine'", "1|SELECT 2"),
                c("backslash is an ordinary character in standard strings", PG, "SELECT 'C:\\';SELECT 2",
                        "1|SELECT 'C:\\'", "1|SELECT 2"),
                c("E strings take backslash escapes on PostgreSQL", PG, "SELECT E'a\\';b';SELECT 2",
                        "1|SELECT E'a\\';b'", "1|SELECT 2"),
                c("a word ending in e before a quote is no E string", PG, "SELECT name'a\\';SELECT 2",
                        "1|SELECT name'a\\'", "1|SELECT 2"),
                c("semicolon inside a double-quoted identifier", PG, "CREATE TABLE \"a;b\" (\"x\"\"y\" INT);",
                        "1|CREATE TABLE \"a;b\" (\"x\"\"y\" INT)"),
                c("semicolon inside a line comment", PG, "SELECT 1 -- not; the end\n;", "1|SELECT 1"),
                c("semicolon inside a block comment", PG, "SELECT /* a; b */ 1;", "1|SELECT /* a; b */ 1"),
                c("block comments nest on PostgreSQL", PG, "SELECT /* a /* b; */ c; */ 1;",
                        "1|SELECT /* a /* b; */ c; */ 1"),
                c("block comments nest on H2 too", H2, "SELECT /* a /* b; */ c; */ 1;",
                        "1|SELECT /* a /* b; */ c; */ 1"),
                c("block comments do not nest on MySQL", MY, "SELECT /* a /* b */ 1; SELECT 2;",
                        "1|SELECT /* a /* b */ 1", "1|SELECT 2"),
                c("dollar quotes hold semicolons on PostgreSQL", PG,
                        "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT f();",
                        "1|CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
                        "6|SELECT f()"),
                c("tagged dollar quotes may contain other dollar quotes", PG,
                        "DO $body$ BEGIN EXECUTE $q$SELECT 1;$q$; END $body$;SELECT 2;",
                        "1|DO $body$ BEGIN EXECUTE $q$SELECT 1;$q$; END $body$", "1|SELECT 2"),
                c("positional parameters are not dollar quotes", PG, "PREPARE p AS SELECT $1;SELECT 2;",
                        "1|PREPARE p AS SELECT $1", "1|SELECT 2"),
                c("dollars inside identifiers are not dollar quotes", PG, "SELECT a$b$c;SELECT 2;",
                        "1|SELECT a$b$c", "1|SELECT 2"),
                c("H2 knows $$ quotes", H2, "CREATE ALIAS f AS $$ int f() { return 1; } $$;SELECT 2;",
                        "1|CREATE ALIAS f AS $$ int f() { return 1; } $$", "1|SELECT 2"),
                c("H2 has no tagged dollar quotes", H2, "SELECT $a$;SELECT 2;", "1|SELECT $a$", "1|SELECT 2"),
                c("MySQL has no dollar quotes", MY, "SELECT '$$';SELECT $$;SELECT 2;",
                        "1|SELECT '$$'", "1|SELECT $$", "1|SELECT 2"),
                c("MySQL backslash escapes in strings", MY, "INSERT INTO t VALUES ('it\\'s; ok');SELECT 2;",
                        "1|INSERT INTO t VALUES ('it\\'s; ok')", "1|SELECT 2"),
                c("MySQL backslash escapes in double-quoted strings", MY, "SELECT \"a\\\";b\";SELECT 2;",
                        "1|SELECT \"a\\\";b\"", "1|SELECT 2"),
                c("MySQL backticks hold semicolons", MY, "CREATE TABLE `a;b` (`c``d` INT);",
                        "1|CREATE TABLE `a;b` (`c``d` INT)"),
                c("backticks are ordinary characters on PostgreSQL", PG, "SELECT `a;SELECT 2`;",
                        "1|SELECT `a", "1|SELECT 2`"),
                c("MySQL hash comments", MY, "# a comment; still comment\nSELECT 1; # trailing;\nSELECT 2;",
                        "2|SELECT 1", "3|SELECT 2"),
                c("hash is ordinary on PostgreSQL", PG, "SELECT '{}'::jsonb #> '{a}';", "1|SELECT '{}'::jsonb #> '{a}'"),
                c("MySQL needs a space after -- for a comment", MY, "SELECT 1--1;\nSELECT 2 -- c;\n;",
                        "1|SELECT 1--1", "2|SELECT 2"),
                c("MySQL executable comments are statement text", MY, "/*!40101 SET NAMES utf8 */;\n/* plain */;",
                        "1|/*!40101 SET NAMES utf8 */"),
                c("+begin/+end block is one statement with inner semicolons", MY,
                        "SELECT 1;\n-- +begin\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- +end\nSELECT 3;",
                        "1|SELECT 1", "3|CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", "9|SELECT 3"),
                c("+begin block skips leading comments and trailing comment lines", PG,
                        "-- +begin\n\n-- about it\nDO 'x;y';\n-- done\n\n-- +end\n",
                        "4|DO 'x;y'"),
                c("+begin block content is not tokenized", PG, "-- +begin\nSELECT 'unclosed;\n-- +end\nSELECT 2;",
                        "2|SELECT 'unclosed", "4|SELECT 2"),
                c("markers accept any case and spacing", PG, "  --+BEGIN  \nA;B\n--   +End\n", "2|A;B"),
                c("an empty +begin block is no statement", PG, "-- +begin\n-- +end\nSELECT 1", "3|SELECT 1"),
                c("a marker inside a string is not a marker", PG, "SELECT '\n-- +begin\n';", "1|SELECT '\n-- +begin\n'"),
                c("CRLF line endings count lines once", PG, "SELECT 1;\r\n\r\nSELECT 2;\r\n-- +begin\r\nA;B\r\n-- +end\r\n",
                        "1|SELECT 1", "3|SELECT 2", "5|A;B"),
                c("CR line endings count lines too", PG, "SELECT 1;\r\rSELECT 2;", "1|SELECT 1", "3|SELECT 2"));
    }

    private static Arguments c(String name, SqlSyntax syntax, String body, String... expected) {
        return Arguments.of(name, syntax, body, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsExpected(String name, SqlSyntax syntax, String body, List<String> expected) {
        List<String> actual = SqlSplitter.split(body, 1, syntax).stream()
                .map(s -> s.line() + "|" + s.sql())
                .toList();
        assertThat(actual).as(name).containsExactlyElementsOf(expected);
        // Loading a file only checks that its sections split; that check must accept what splits.
        SqlSplitter.check(body, 1, syntax);
    }

    @Test
    void blockMarkersMayBeIndentedWithSpacesAndTabsInAnyCase() {
        assertThat(SqlSplitter.split(" \t-- +BEGIN\nA;\nB;\n\t--\t+End  \nSELECT 1;", 1, PG))
                .containsExactly(new SqlStatement("A;\nB", 2), new SqlStatement("SELECT 1", 5));
    }

    @Test
    void aBlockMarkerAfterOtherTextOrOtherWhitespaceIsAnOrdinaryComment() {
        assertThat(SqlSplitter.split("SELECT 1 -- +begin\n;\n\f-- +end\nSELECT 2;", 1, PG))
                .containsExactly(new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 4));
    }

    @Test
    void lineNumbersAreOffsetByTheSectionsFirstLine() {
        assertThat(SqlSplitter.split("\nSELECT 1;\nSELECT 2;", 10, PG))
                .containsExactly(new SqlStatement("SELECT 1", 11), new SqlStatement("SELECT 2", 12));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                e(PG, "SELECT 1;\nSELECT 'abc;\n", 2, "string starting with ' is never closed"),
                e(MY, "SELECT 'C:\\';", 1, "a backslash escapes the next character here"),
                e(PG, "SELECT \"abc;", 1, "quoted identifier starting with \" is never closed"),
                e(MY, "SELECT `abc;", 1, "quoted identifier starting with ` is never closed"),
                e(PG, "SELECT 1;\n/* open", 2, "block comment '/*' is never closed"),
                e(PG, "SELECT /* a /* b */ 1;", 1, "comments nest here"),
                e(PG, "\n\nDO $x$ BEGIN END;", 3, "dollar-quoted string $x$ is never closed; end it with $x$"),
                e(H2, "SELECT $$ abc", 1, "dollar-quoted string $$ is never closed"),
                e(PG, "SELECT 1;\n-- +begin\nA;\n", 2, "'-- +begin' is never closed; add a line '-- +end'"),
                e(PG, "SELECT 1;\n-- +end\n", 2, "'-- +end' without a '-- +begin'"),
                e(PG, "-- +begin\nA;\n-- +begin\nB;\n-- +end\n", 3, "blocks do not nest"),
                e(PG, "SELECT 1\n-- +begin\nA;\n-- +end\n", 2, "inside the statement that starts at line 1"));
    }

    private static Arguments e(SqlSyntax syntax, String body, int line, String fragment) {
        return Arguments.of(syntax, body, line, fragment);
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("errors")
    void unterminatedConstructsAndMisplacedMarkersAreErrorsWithTheirLine(SqlSyntax syntax, String body, int line,
                                                                         String fragment) {
        assertThatThrownBy(() -> SqlSplitter.split(body, 1, syntax))
                .isInstanceOfSatisfying(SqlSplitException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("line " + line + ": ").contains(fragment);
                });
        String message = catchThrowableOfType(SqlSplitException.class, () -> SqlSplitter.split(body, 1, syntax))
                .getMessage();
        assertThatThrownBy(() -> SqlSplitter.check(body, 1, syntax)).as("the load-time check fails the same way")
                .isInstanceOf(SqlSplitException.class).hasMessage(message);
    }

    @Test
    void dialectNamesMapToTheirSyntax() {
        assertThat(Arrays.asList("postgresql", "H2", "mysql", "mariadb").stream().map(SqlSyntax::forDialect))
                .containsExactly(PG, H2, MY, MY);
        assertThatThrownBy(() -> SqlSyntax.forDialect("oracle"))
                .hasMessage("Unknown dialect 'oracle'; known dialects: postgresql, h2, mysql, mariadb.");
    }
}
