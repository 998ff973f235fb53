package dev.retort.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the body of a migration section into statements.
 *
 * <p>Statements end with {@code ;} outside single-quoted strings, double-quoted identifiers,
 * comments, dollar-quoted strings and {@code -- +begin} ... {@code -- +end} blocks; the
 * dialect-specific rules come from {@link SqlSyntax}. Each statement keeps the line (in the
 * file) of its first significant character. A last statement without {@code ;} still counts;
 * text that is only comments and whitespace is not a statement.
 *
 * <p>Why this is hand-written: Spring's {@code ScriptUtils.splitSqlScript} (spring-jdbc, already
 * on the class path; checked against 7.0.9) returns bare strings without line numbers,
 * collapses whitespace, treats a backslash as an escape in every dialect (so PostgreSQL's
 * standard {@code 'C:\'} never ends), does not know dollar quotes or backticks, ends a block
 * comment at the first comment end (PostgreSQL and H2 nest them) and has no {@code +begin} /
 * {@code +end} blocks. JSqlParser (not managed by the Spring Boot BOM) is a parser, not a
 * splitter: {@code CCJSqlParserUtil.parseStatements} rejects statements its grammar does not
 * cover (vendor DDL, PL/pgSQL bodies) and gives back syntax trees rather than the author's
 * text with its line. Flyway's parsers do this job well but are internal to Flyway. So this is
 * Flyway's approach in small: a tokenizer with dialect hooks ({@link SqlSyntax}), fully under
 * test, that never splits on every {@code ;}.
 */
public final class SqlSplitter {

    /** A whole line that is {@code -- +begin} or {@code -- +end} (any case, any spacing). */
    private static final Pattern BLOCK_MARKER =
            Pattern.compile("[ \\t]*--[ \\t]*\\+(begin|end)[ \\t]*", Pattern.CASE_INSENSITIVE);

    private final String text;
    /**
     * The text as an array: the splitter reads it character by character, and at start-up (a
     * service's first load of its migration files, before the JIT has compiled this class) an
     * array read is one bytecode where {@code String.charAt} is several interpreted calls.
     */
    private final char[] chars;
    private final int firstLine;
    private final SqlSyntax syntax;
    /** Whether statements are kept ({@link #split}) or only the syntax is checked ({@link #check}). */
    private final boolean collect;
    private final List<SqlStatement> statements = new ArrayList<>();
    /** Where each line of the text starts; computed on first use, since a check without errors never needs it. */
    private int[] lineStarts;

    private int pos;
    /** Start of the pending statement's first significant character, or -1. */
    private int start = -1;
    /** End (exclusive) of the pending statement's last significant character. */
    private int end = -1;

    private SqlSplitter(String text, int firstLine, SqlSyntax syntax, boolean collect) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be 1 or more, was " + firstLine);
        }
        this.text = text;
        this.chars = text.toCharArray();
        this.firstLine = firstLine;
        this.syntax = syntax;
        this.collect = collect;
    }

    /**
     * Splits {@code body} into statements.
     *
     * @param body      the section's text (line endings {@code \n}, {@code \r\n} or {@code \r})
     * @param firstLine the file line of the body's first line (1-based)
     * @param syntax    the dialect's lexical rules
     * @return the statements in order, each without its terminating {@code ;}
     * @throws SqlSplitException when a string, identifier, comment, dollar quote or
     *                           {@code +begin} block is not closed, or a marker is misplaced
     */
    public static List<SqlStatement> split(String body, int firstLine, SqlSyntax syntax) {
        SqlSplitter splitter = new SqlSplitter(body, firstLine, syntax, true);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    /**
     * Checks that {@code body} can be split, without keeping the statements: what loading a
     * file does for every section, so that a broken file fails before anything runs, while
     * the statements themselves are split only when the revision runs.
     *
     * @throws SqlSplitException exactly when {@link #split} with the same arguments would
     */
    static void check(String body, int firstLine, SqlSyntax syntax) {
        new SqlSplitter(body, firstLine, syntax, false).run();
    }

    private void run() {
        Matcher marker;
        while (pos < chars.length) {
            char c = chars[pos];
            if (c == ';') {
                flush();
                pos++;
            } else if (isWhitespace(c)) {
                pos++;
            } else if (c == '-' && (marker = markerAt(pos)) != null) {
                blockMarker(marker.group(1).toLowerCase(Locale.ROOT), lineEnd(pos));
            } else if (startsLineComment()) {
                pos = lineEnd(pos);
            } else if (c == '/' && startsBlockComment()) {
                pos = skipBlockComment(pos);
            } else {
                int tokenStart = pos;
                pos = skipToken(pos);
                significant(tokenStart, pos);
            }
        }
        flush();
    }

    /** Whether a line comment starts at {@code pos}. */
    private boolean startsLineComment() {
        char c = chars[pos];
        if (c == '#') {
            return syntax.hashComments();
        }
        if (c != '-' || pos + 1 >= chars.length || chars[pos + 1] != '-') {
            return false;
        }
        if (!syntax.dashCommentNeedsSpace() || pos + 2 >= chars.length) {
            return true;
        }
        // MySQL only treats "--" as a comment when a space or control character follows.
        char next = chars[pos + 2];
        return Character.isWhitespace(next) || Character.isISOControl(next);
    }

    private boolean startsBlockComment() {
        return text.startsWith("/*", pos) && !(syntax.executableComments() && text.startsWith("/*!", pos));
    }

    /** Returns the marker match when the line comment at {@code pos} is alone on a +begin/+end line. */
    private Matcher markerAt(int commentStart) {
        if (!isMarkerCandidate(commentStart)) {
            return null;
        }
        int lineStart = lineStartOf(commentStart);
        if (!text.substring(lineStart, commentStart).isBlank()) {
            return null;
        }
        Matcher m = BLOCK_MARKER.matcher(text.substring(lineStart, lineEnd(commentStart)).stripTrailing());
        return m.matches() ? m : null;
    }

    /**
     * A cheap test that every {@link #BLOCK_MARKER} line passes at {@code at}: {@code --}, then
     * spaces or tabs and {@code +}, with only spaces or tabs before it on the line. Most
     * {@code -} characters in SQL fail it at once, without cutting out the line.
     */
    private boolean isMarkerCandidate(int at) {
        if (!text.startsWith("--", at)) {
            return false;
        }
        int i = at + 2;
        while (i < chars.length && (chars[i] == ' ' || chars[i] == '\t')) {
            i++;
        }
        if (i >= chars.length || chars[i] != '+') {
            return false;
        }
        for (int j = at - 1; j >= 0; j--) {
            char c = chars[j];
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private void blockMarker(String kind, int markerLineEnd) {
        int markerLine = lineOf(pos);
        if (kind.equals("end")) {
            throw new SqlSplitException(markerLine, "'-- +end' without a '-- +begin' before it; "
                    + "put '-- +begin' on its own line where the block starts, or remove this line.");
        }
        if (start >= 0) {
            throw new SqlSplitException(markerLine, "'-- +begin' inside the statement that starts at line "
                    + lineOf(start) + "; end that statement with ';' before the block.");
        }
        // The block's lines are taken as they are, not tokenized: the block exists for bodies
        // whose semicolons (and possibly quoting) this splitter should not interpret.
        int lineStart = nextLineStart(markerLineEnd);
        while (lineStart < chars.length) {
            int lineEnd = lineEnd(lineStart);
            String line = text.substring(lineStart, lineEnd);
            Matcher m = BLOCK_MARKER.matcher(line.stripTrailing());
            if (m.matches()) {
                if (m.group(1).equalsIgnoreCase("begin")) {
                    throw new SqlSplitException(lineOf(lineStart), "'-- +begin' inside the block opened at line "
                            + markerLine + "; blocks do not nest: close the first one with '-- +end'.");
                }
                addBlock(markerLineEnd, lineStart);
                pos = lineEnd;
                return;
            }
            lineStart = nextLineStart(lineEnd);
        }
        throw new SqlSplitException(markerLine, "'-- +begin' is never closed; add a line '-- +end' "
                + "after the statement (before the next section marker).");
    }

    /** Adds the block between two marker lines as one statement, dropping edge comments and a final ';'. */
    private void addBlock(int from, int to) {
        int first = from;
        while (true) {
            while (first < to && Character.isWhitespace(chars[first])) {
                first++;
            }
            if (first < to && text.startsWith("--", first)) {
                first = lineEnd(first);
            } else if (first < to && text.startsWith("/*", first) && !text.startsWith("/*!", first)) {
                first = Math.min(skipBlockComment(first), to);
            } else {
                break;
            }
        }
        if (first >= to) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.substring(first, to).split("\\R", -1)));
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1).strip();
            if (last.isEmpty() || last.startsWith("--")) {
                lines.remove(lines.size() - 1);
            } else {
                break;
            }
        }
        String sql = String.join("\n", lines).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        if (!sql.isEmpty() && collect) {
            statements.add(new SqlStatement(sql, lineOf(first)));
        }
    }

    /** Skips one significant token (a quoted string or identifier, or one other character). */
    private int skipToken(int at) {
        char c = chars[at];
        if (c == '\'') {
            boolean backslash = syntax.backslashEscapes() || (syntax.escapeStrings() && isEscapeStringPrefix(at));
            return skipQuoted(at, '\'', backslash, "string");
        }
        if (c == '"') {
            return skipQuoted(at, '"', syntax.backslashEscapes(), "quoted identifier");
        }
        if (c == '`' && syntax.backtickIdentifiers()) {
            return skipQuoted(at, '`', false, "quoted identifier");
        }
        if (c == '$' && syntax.dollarQuotes() != SqlSyntax.DollarQuotes.NONE) {
            String tag = dollarTag(at);
            if (tag != null) {
                int close = text.indexOf(tag, at + tag.length());
                if (close < 0) {
                    throw new SqlSplitException(lineOf(at), "the dollar-quoted string " + tag
                            + " is never closed; end it with " + tag + ".");
                }
                return close + tag.length();
            }
        }
        if (c == '/' && text.startsWith("/*!", at)) {
            return skipBlockComment(at);
        }
        if (isIdentifierPart(c)) {
            // A whole word at once, so "a$b$" (an identifier with dollars) is never a dollar quote.
            int i = at;
            while (i < chars.length && (isIdentifierPart(chars[i]) || chars[i] == '$')) {
                i++;
            }
            return i;
        }
        return at + 1;
    }

    /** E'...' (PostgreSQL): the 'e' must start a word, or it is the end of an identifier. */
    private boolean isEscapeStringPrefix(int quote) {
        if (quote == 0 || Character.toLowerCase(chars[quote - 1]) != 'e') {
            return false;
        }
        return quote == 1 || !isIdentifierPart(chars[quote - 2]);
    }

    private int skipQuoted(int at, char quote, boolean backslashEscapes, String what) {
        int i = at + 1;
        while (i < chars.length) {
            char c = chars[i];
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < chars.length && chars[i + 1] == quote) {
                    i += 2; // doubled quote inside the quotes
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new SqlSplitException(lineOf(at), "the " + what + " starting with " + quote
                + " is never closed; add the closing " + quote
                + (backslashEscapes ? " (a backslash escapes the next character here)" : "") + ".");
    }

    /** The dollar-quote delimiter starting at {@code at} ({@code $$} or {@code $tag$}), or null. */
    private String dollarTag(int at) {
        if (text.startsWith("$$", at)) {
            return "$$";
        }
        if (syntax.dollarQuotes() != SqlSyntax.DollarQuotes.TAGGED) {
            return null;
        }
        int i = at + 1;
        if (i >= chars.length || !(Character.isLetter(chars[i]) || chars[i] == '_')) {
            return null; // "$1" is a parameter, not a tag
        }
        while (i < chars.length && isIdentifierPart(chars[i])) {
            i++;
        }
        return i < chars.length && chars[i] == '$' ? text.substring(at, i + 1) : null;
    }

    private int skipBlockComment(int at) {
        int depth = 1;
        int i = at + 2;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '*' && i + 1 < chars.length && chars[i + 1] == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*' && syntax.nestedBlockComments()) {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        throw new SqlSplitException(lineOf(at), "the block comment '/*' is never closed; add '*/'"
                + (syntax.nestedBlockComments() ? " (comments nest here: each '/*' needs its own '*/')" : "") + ".");
    }

    private void significant(int from, int to) {
        if (start < 0) {
            start = from;
        }
        end = to;
    }

    private void flush() {
        if (start >= 0 && collect) {
            statements.add(new SqlStatement(text.substring(start, end), lineOf(start)));
        }
        start = -1;
        end = -1;
    }

    /** {@link Character#isLetterOrDigit} or '_', with ASCII decided without a table lookup. */
    private static boolean isIdentifierPart(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isWhitespace}, with printable ASCII decided at once. */
    private static boolean isWhitespace(char c) {
        if (c == ' ' || c == '\n') {
            return true;
        }
        return (c < ' ' || c >= 127) && Character.isWhitespace(c);
    }

    /** The index of the line break ending the line that holds {@code at} (or the text's end). */
    private int lineEnd(int at) {
        int i = at;
        while (i < chars.length && chars[i] != '\n' && chars[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The start of the line after the break at {@code breakAt} ("\r\n" is one break). */
    private int nextLineStart(int breakAt) {
        if (breakAt >= chars.length) {
            return chars.length;
        }
        if (chars[breakAt] == '\r' && breakAt + 1 < chars.length && chars[breakAt + 1] == '\n') {
            return breakAt + 2;
        }
        return breakAt + 1;
    }

    private int lineStartOf(int at) {
        int index = lineIndex(at); // computes lineStarts on first use
        return lineStarts[index];
    }

    private int lineOf(int at) {
        return firstLine + lineIndex(at);
    }

    private int lineIndex(int at) {
        if (lineStarts == null) {
            lineStarts = lineStarts(text);
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
