package dev.retort.script;

import dev.retort.graph.Revision;

/**
 * Recognises the comment lines a migration file's structure is made of: section and block
 * markers ({@code -- +upgrade h2}) and header lines ({@code -- revision: ae10}). Each method
 * accepts exactly what the regular expression in its Javadoc accepts with
 * {@code Matcher.matches()} (a test compares them on many lines), but by a single scan: the
 * parser looks at every line of every file at each start-up, and the regular expressions
 * were a large part of that cost.
 *
 * <p>As in {@code java.util.regex} without flags, {@code \s} is {@code [ \t\n\x0B\f\r]} and
 * {@code .} is any character except the line terminators {@code \n}, {@code \r},
 * {@code \u0085}, {@code \u2028} and {@code \u2029}.
 */
final class CommentLines {

    /** A marker line: {@code -- +name rest}. */
    record Marker(String name, String rest) {
    }

    /** A header line: {@code -- key: value} ({@code value} not yet trimmed). */
    record Header(String key, String value) {
    }

    private CommentLines() {
    }

    /** {@code \s*--\s*\+([A-Za-z][A-Za-z0-9_-]*)(.*)}: the marker, or null. */
    static Marker marker(String line) {
        int i = afterDashes(line);
        if (i < 0) {
            return null;
        }
        i = skipSpace(line, i);
        if (i >= line.length() || line.charAt(i) != '+') {
            return null;
        }
        int nameStart = i + 1;
        int nameEnd = nameEnd(line, nameStart);
        if (nameEnd < 0 || !anyCharacters(line, nameEnd)) {
            return null;
        }
        return new Marker(line.substring(nameStart, nameEnd), line.substring(nameEnd));
    }

    /** {@code \s*--\s*([A-Za-z][A-Za-z0-9_-]*)\s*:(?!//)(.*)}: the header, or null. */
    static Header header(String line) {
        int i = afterDashes(line);
        if (i < 0) {
            return null;
        }
        int keyStart = skipSpace(line, i);
        int keyEnd = nameEnd(line, keyStart);
        if (keyEnd < 0) {
            return null;
        }
        int colon = skipSpace(line, keyEnd);
        if (colon >= line.length() || line.charAt(colon) != ':' || line.startsWith("//", colon + 1)
                || !anyCharacters(line, colon + 1)) {
            return null;
        }
        return new Header(line.substring(keyStart, keyEnd), line.substring(colon + 1));
    }

    /** {@code \s*--.*}. */
    static boolean comment(String line) {
        int i = afterDashes(line);
        return i >= 0 && anyCharacters(line, i);
    }

    /** {@code [A-Za-z0-9_]{1,32}}. */
    static boolean isId(String id) {
        return Revision.isValidId(id);
    }

    /** The index after {@code \s*--} at the start of {@code line}, or -1. */
    private static int afterDashes(String line) {
        int i = skipSpace(line, 0);
        return line.startsWith("--", i) ? i + 2 : -1;
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code [A-Za-z][A-Za-z0-9_-]*} starting at {@code from}, or -1 when none starts there. */
    private static int nameEnd(String line, int from) {
        if (from >= line.length() || !isAsciiLetter(line.charAt(from))) {
            return -1;
        }
        int i = from + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Whether {@code .*} matches the rest of {@code line} from {@code from}. */
    private static boolean anyCharacters(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is in {@code \s}. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
