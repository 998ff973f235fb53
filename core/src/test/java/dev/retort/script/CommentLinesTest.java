package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line matching accepts exactly what the regular expressions that define the
 * file format accept (the parser used these expressions before they were replaced for speed).
 */
class CommentLinesTest {

    private static final Pattern MARKER = Pattern.compile("\\s*--\\s*\\+([A-Za-z][A-Za-z0-9_-]*)(.*)");
    private static final Pattern HEADER = Pattern.compile("\\s*--\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*:(?!//)(.*)");
    private static final Pattern COMMENT = Pattern.compile("\\s*--.*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

    /** Pieces that make up marker and header lines, and the characters at the edges of the rules. */
    private static final String[] PIECES = {"--", "-", " ", "\t", "\u000B", "\f", "\r", "\n", "\u0085", "\u2028",
        "\u2029", "\u00A0", "+", ":", "//", "/", "upgrade", "Downgrade", "begin", "revision", "a", "Z", "0", "9",
        "_", "x-y", "é", ",", "h2", "postgresql", ";", "'"};

    @Test
    void markerHeaderCommentAndIdAgreeWithTheirRegularExpressionsOnRandomLines() {
        Random random = new Random(20261121);
        List<String> lines = new ArrayList<>(List.of("", "--", "-- +upgrade", "  --\t+end  ", "-- +upgrade h2, mysql",
                "-- revision: ae10", "-- see: https://example.org", "--key:", "-- +", "-- +1", "--+a\u2028",
                "-- message:\u0085", "CREATE TABLE t (id INT);"));
        for (int n = 0; n < 50_000; n++) {
            StringBuilder line = new StringBuilder();
            int count = random.nextInt(7);
            if (random.nextInt(3) > 0) {
                line.append("--");
            }
            for (int i = 0; i < count; i++) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            lines.add(line.toString());
        }
        // Plain comparisons, collected: an assertion per line would make this test slow.
        List<String> disagreements = new ArrayList<>();
        for (String line : lines) {
            Matcher marker = MARKER.matcher(line);
            Object expectedMarker = marker.matches() ? new CommentLines.Marker(marker.group(1), marker.group(2)) : null;
            Matcher header = HEADER.matcher(line);
            Object expectedHeader = header.matches() ? new CommentLines.Header(header.group(1), header.group(2)) : null;
            if (!Objects.equals(CommentLines.marker(line), expectedMarker)
                    || !Objects.equals(CommentLines.header(line), expectedHeader)
                    || CommentLines.comment(line) != COMMENT.matcher(line).matches()
                    || CommentLines.isId(line) != ID.matcher(line).matches()) {
                disagreements.add(visible(line));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void idsAreOneToThirtyTwoAsciiLettersDigitsOrUnderscores() {
        assertThat(CommentLines.isId("a".repeat(32))).isTrue();
        assertThat(CommentLines.isId("a".repeat(33))).isFalse();
        assertThat(CommentLines.isId("")).isFalse();
        assertThat(CommentLines.isId("ae10_B9")).isTrue();
        assertThat(CommentLines.isId("ae10-b9")).isFalse();
        assertThat(CommentLines.isId("é1")).isFalse();
    }

    private static String visible(String line) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : line.toCharArray()) {
            out.append(c >= ' ' && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }
}
