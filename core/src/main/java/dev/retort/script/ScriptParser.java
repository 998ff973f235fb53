package dev.retort.script;

import dev.retort.graph.Direction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one migration file: the header ({@code -- key: value} lines before the first section),
 * the {@code -- +upgrade} / {@code -- +downgrade} sections, and the checksum. Every problem in
 * the file is collected, each with its line, rather than stopping at the first.
 *
 * <p>The rules, pinned by {@code ScriptParserTest} and described in docs/migration-files.md:
 * <ul>
 *   <li>Before the first section marker only blank lines and {@code --} comments may appear.
 *       A comment of the form {@code -- word: text} there is a header line; any other SQL
 *       there is an error (SQL belongs in a section).</li>
 *   <li>Header keys are lowercase; an unknown key or a key given twice is an error. Values are
 *       trimmed. Lists are comma-separated; an empty item is an error.</li>
 *   <li>Marker lines ({@code -- +upgrade}, {@code -- +downgrade}, {@code -- +begin},
 *       {@code -- +end}) are recognised at the start of any line, in any case; another
 *       {@code -- +word} is an error, because a misspelt marker would otherwise silently
 *       become a comment. Dialect names on a section marker are lowercase and separated by
 *       commas and/or spaces.</li>
 *   <li>A dialect-qualified section's SQL is split with its dialects' syntax when the file is
 *       loaded; an unqualified section's SQL is rejected at load time only when it cannot be
 *       split with any dialect's syntax (otherwise the dialect in use decides, when it runs).</li>
 * </ul>
 */
public final class ScriptParser {

    /** Header keys in the order a new file writes them. */
    static final List<String> KEYS = List.of("revision", "revises", "message", "branch-labels", "depends-on",
            "create-date", "transactional");

    /** Revision identifiers that name positions, never revisions. */
    static final Set<String> RESERVED = Set.of("base", "head", "heads", "current");

    private static final List<String> MARKERS = List.of("upgrade", "downgrade", "begin", "end");
    private static final Pattern DIALECT_SEPARATOR = Pattern.compile("[,\\s]+");
    /** The syntaxes an unqualified section is tried with, in order. */
    private static final List<SqlSyntax> EVERY_SYNTAX = List.of(SqlSyntax.POSTGRESQL, SqlSyntax.H2, SqlSyntax.MYSQL);

    private final String location;
    private final List<ScriptProblem> problems = new ArrayList<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private String validRevision;
    /** The file's text, line endings normalised to {@code \n} and without a BOM. */
    private String text;
    /**
     * Where each line starts in {@link #text}, plus one entry past the end ({@code text.length() + 1})
     * so that line {@code i} always ends at {@code lineStarts[i + 1] - 1}. Lines are cut out of the
     * text only when needed: most lines of a file are SQL that the parser only has to glance at.
     */
    private int[] lineStarts;
    private int lineCount;

    private ScriptParser(String location) {
        this.location = location;
    }

    /**
     * Parses one file.
     *
     * @param location the file's name for messages (see {@link MigrationScript#location()})
     * @param path     the file on disk, or null
     * @param content  the file's bytes (UTF-8, optionally with a BOM)
     * @throws ScriptLoadException listing every problem in the file
     */
    public static MigrationScript parse(String location, Path path, byte[] content) {
        Parsed parsed = read(location, path, content);
        if (!parsed.problems().isEmpty()) {
            throw new ScriptLoadException(parsed.problems());
        }
        return parsed.script();
    }

    /**
     * The outcome of reading one file: the script when there were no problems (else null), the
     * problems, the line of each header key (so graph problems can point at them), and the
     * {@code revision} header when it is a valid id even if the file has other problems (so
     * that files revising a broken file do not also report an unknown revision).
     */
    record Parsed(MigrationScript script, List<ScriptProblem> problems, Map<String, Integer> keyLines,
                  String revision) {
    }

    static Parsed read(String location, Path path, byte[] content) {
        return new ScriptParser(location).run(path, content);
    }

    private Parsed run(Path path, byte[] content) {
        // The checksum and the text both come from the normalised bytes (no BOM, LF only), so the
        // file is scanned once for line endings and the parser only ever sees '\n'.
        byte[] normalised = Checksums.normalise(content);
        text = decode(normalised);
        if (text == null) {
            problem(0, "the file is not valid UTF-8 text; save it with UTF-8 encoding.");
            return done(null);
        }
        if (text.isBlank()) {
            problem(1, "the file is empty; a migration file starts with the header lines '-- revision: <id>' and "
                    + "'-- revises: <parent id or base>', followed by a '-- +upgrade' section.");
            return done(null);
        }
        indexLines();
        int first = readHeader();
        List<Section> sections = readSections(first);
        if (!hasUpgrade(sections)) {
            int line = sections.isEmpty() ? lineCount : sections.get(0).line();
            problem(line, "no '-- +upgrade' section; add a line '-- +upgrade' followed by the revision's SQL "
                    + "(an empty section is a valid no-op).");
        }
        String revision = required("revision", "'-- revision: <id>' (e.g. '-- revision: 4f2a9c1b7d3e')");
        if (revision != null && checkId("revision", revision)) {
            validRevision = revision;
        }
        String revisesValue = required("revises", "'-- revises: <parent id>' ('-- revises: base' for a first revision)");
        List<String> revises = revisesValue == null ? List.of() : revises(revisesValue);
        List<String> branchLabels = idList("branch-labels");
        List<String> dependsOn = idList("depends-on");
        boolean transactional = transactional();
        if (!problems.isEmpty()) {
            return done(null);
        }
        String message = values.getOrDefault("message", "");
        String createDate = values.get("create-date");
        return done(new MigrationScript(revision, revises, message, branchLabels, dependsOn,
                createDate == null || createDate.isEmpty() ? null : createDate, transactional, sections,
                Checksums.sha256OfNormalised(normalised), location, path));
    }

    private static boolean hasUpgrade(List<Section> sections) {
        for (Section section : sections) {
            if (section.direction() == Direction.UPGRADE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text of UTF-8 {@code bytes}, or null when they are not valid UTF-8. {@code new String}
     * is much faster than a reporting decoder but replaces malformed input with U+FFFD; so only a
     * text that contains U+FFFD (rare: it may also be written on purpose) is decoded again strictly.
     */
    private static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void indexLines() {
        int[] starts = new int[32];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = i + 1;
        }
        starts[count] = text.length() + 1;
        lineStarts = starts;
        lineCount = count;
    }

    /** Line {@code index} (0-based) without its line break. */
    private String line(int index) {
        return text.substring(lineStarts[index], lineStarts[index + 1] - 1);
    }

    /**
     * Whether line {@code index} starts with {@code --} after optional whitespace: a cheap test
     * that every marker, header and comment line ({@link CommentLines}) passes, without cutting
     * the line out of the text. Whitespace here is what {@code \s} matches within a line.
     */
    private boolean startsWithDashes(int index) {
        int i = lineStarts[index];
        int end = lineStarts[index + 1] - 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u000B' && c != '\f') {
                break;
            }
            i++;
        }
        return i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == '-';
    }

    private Parsed done(MigrationScript script) {
        if (problems.size() > 1) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        }
        return new Parsed(script, List.copyOf(problems), Collections.unmodifiableMap(keyLines), validRevision);
    }

    /** Reads header lines up to the first section marker; returns that marker's index (or the line count). */
    private int readHeader() {
        boolean sqlReported = false;
        for (int i = 0; i < lineCount; i++) {
            String line = line(i);
            int number = i + 1;
            CommentLines.Marker marker = CommentLines.marker(line);
            if (marker != null) {
                String name = marker.name().toLowerCase(Locale.ROOT);
                if (name.equals("upgrade") || name.equals("downgrade")) {
                    return i;
                }
                if (name.equals("begin") || name.equals("end")) {
                    problem(number, "'-- +" + name + "' before the first section; '-- +begin' ... '-- +end' blocks "
                            + "belong inside a '-- +upgrade' or '-- +downgrade' section.");
                } else {
                    unknownMarker(number, marker.name());
                }
                continue;
            }
            CommentLines.Header header = CommentLines.header(line);
            if (header != null) {
                headerLine(number, header.key(), header.value().strip());
            } else if (!line.isBlank() && !CommentLines.comment(line) && !sqlReported) {
                sqlReported = true;
                problem(number, "SQL before the first section marker; only header lines ('-- key: value'), comments "
                        + "and blank lines may come before it. Put the SQL under a '-- +upgrade' or "
                        + "'-- +downgrade' line.");
            }
        }
        return lineCount;
    }

    private void headerLine(int number, String key, String value) {
        if (!KEYS.contains(key)) {
            problem(number, "unknown header key '" + key + "'" + Suggestions.didYouMean(key, KEYS)
                    + " Known keys: " + String.join(", ", KEYS) + ". (Header keys are lowercase; a comment before "
                    + "the first section must not start with 'word:'.)");
            return;
        }
        Integer earlier = keyLines.get(key);
        if (earlier != null) {
            problem(number, "duplicate header key '" + key + "' (first given at line " + earlier
                    + "); give each key once" + (key.equals("revises") || key.equals("depends-on")
                    || key.equals("branch-labels") ? ", listing several values comma-separated ('" + key
                    + ": a, b')." : "."));
            return;
        }
        keyLines.put(key, number);
        values.put(key, value);
    }

    /** The value of a required key, or null after reporting it missing or empty; {@code expected} shows the line. */
    private String required(String key, String expected) {
        String value = values.get(key);
        if (value == null) {
            problem(1, "missing header key '" + key + "'; add a line " + expected + " before the first section.");
            return null;
        }
        if (value.isEmpty()) {
            problem(keyLines.get(key), "header key '" + key + "' has no value; write " + expected + ".");
            return null;
        }
        return value;
    }

    private List<String> revises(String value) {
        if (value.equals("base")) {
            return List.of();
        }
        List<String> ids = list("revises", value);
        if (ids.contains("base")) {
            problem(keyLines.get("revises"), "'base' cannot be combined with other revisions in 'revises: " + value
                    + "'; write 'revises: base' for a first revision, or list only parent ids.");
            return List.of();
        }
        for (String id : ids) {
            checkId("revises", id);
        }
        return ids;
    }

    private List<String> idList(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> ids = list(key, value);
        for (String id : ids) {
            checkId(key, id);
        }
        return ids;
    }

    /** Splits a comma list; empty items and repeats are problems. */
    private List<String> list(String key, String value) {
        List<String> items = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                problem(keyLines.get(key), "'" + key + ": " + value + "' has an empty item; separate the values "
                        + "with single commas, e.g. '" + key + ": a, b'.");
                return new ArrayList<>();
            }
            if (items.contains(item)) {
                problem(keyLines.get(key), "'" + key + "' lists '" + item + "' twice; list each value once.");
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /** Reports a malformed or reserved id; returns whether the id is fine. */
    private boolean checkId(String key, String id) {
        int line = keyLines.get(key);
        String what = switch (key) {
            case "branch-labels" -> "branch label";
            case "revision" -> "revision id";
            case "depends-on" -> "revision id or branch label";
            default -> "revision id";
        };
        if (!CommentLines.isId(id)) {
            problem(line, "'" + id + "' in '" + key + "' is not a valid " + what + ": use 1 to 32 letters, digits "
                    + "or underscores ([A-Za-z0-9_]{1,32})" + (id.contains(" ") && !key.equals("revision") ? "; separate several with commas" : "")
                    + ".");
        } else if (RESERVED.contains(id)) {
            problem(line, "'" + id + "' in '" + key + "' is reserved (base, head, heads and current name positions, "
                    + "not revisions)" + (key.equals("revises") ? "; a first revision says 'revises: base' alone"
                    : "; choose another " + what + (key.equals("revision")
                    ? ", e.g. 12 random hex digits as 'retort revision' generates" : "")) + ".");
        } else {
            return true;
        }
        return false;
    }

    private boolean transactional() {
        String value = values.get("transactional");
        if (value == null) {
            return true;
        }
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        problem(keyLines.get("transactional"), "'transactional: " + value + "' must be 'true' (the default: the "
                + "revision runs in a transaction) or 'false' (it runs outside one, e.g. for CREATE INDEX "
                + "CONCURRENTLY).");
        return true;
    }

    private List<Section> readSections(int first) {
        List<Section> sections = new ArrayList<>();
        int i = first;
        while (i < lineCount) {
            CommentLines.Marker marker = CommentLines.marker(line(i));
            int markerLine = i + 1;
            Direction direction = marker.name().equalsIgnoreCase("upgrade") ? Direction.UPGRADE : Direction.DOWNGRADE;
            List<String> dialects = dialects(markerLine, direction, marker.rest().strip());
            int end = i + 1;
            int problemsBefore = problems.size();
            while (end < lineCount && !isSectionMarker(end)) {
                end++;
            }
            boolean markersFine = problems.size() == problemsBefore;
            // Lines i + 1 to end - 1 joined by '\n': since the text has only '\n', a plain substring.
            String body = end == i + 1 ? "" : text.substring(lineStarts[i + 1], lineStarts[end] - 1);
            Section section = new Section(direction, dialects, markerLine, body);
            checkClash(section, sections);
            if (markersFine) {
                // A bad marker inside the body would only repeat itself as a splitting problem.
                checkSplits(section);
            }
            sections.add(section);
            i = end;
        }
        return sections;
    }

    /** Whether line {@code index} starts a section; reports unknown {@code -- +word} markers on the way. */
    private boolean isSectionMarker(int index) {
        if (!startsWithDashes(index)) {
            return false;
        }
        CommentLines.Marker marker = CommentLines.marker(line(index));
        if (marker == null) {
            return false;
        }
        String name = marker.name().toLowerCase(Locale.ROOT);
        if (name.equals("upgrade") || name.equals("downgrade")) {
            return true;
        }
        if (!MARKERS.contains(name)) {
            unknownMarker(index + 1, marker.name());
        } else if (!marker.rest().isBlank()) {
            // The splitter only takes a line holding nothing but the marker as a block marker.
            problem(index + 1, "'-- +" + name + "' must stand alone on its line, but '" + marker.rest().strip()
                    + "' follows it; move that text to a comment on the next line.");
        }
        return false;
    }

    private void unknownMarker(int number, String name) {
        problem(number, "unknown marker '-- +" + name + "'" + Suggestions.didYouMean(name, MARKERS)
                + " Markers are '-- +upgrade', '-- +downgrade' (optionally followed by dialect names), "
                + "'-- +begin' and '-- +end'; write other comments without '+' right after '--'.");
    }

    private List<String> dialects(int line, Direction direction, String rest) {
        List<String> dialects = new ArrayList<>();
        if (rest.isEmpty()) {
            return dialects;
        }
        for (String name : DIALECT_SEPARATOR.split(rest.startsWith(",") ? rest.substring(1) : rest)) {
            if (name.isEmpty()) {
                continue;
            }
            if (!Dialects.KNOWN.contains(name)) {
                problem(line, "unknown dialect '" + name + "' in '-- +" + direction.label() + " " + rest + "'"
                        + Suggestions.didYouMean(name, Dialects.KNOWN) + " Known dialects: "
                        + String.join(", ", Dialects.KNOWN) + " (lowercase, separated by commas).");
            } else if (dialects.contains(name)) {
                problem(line, "'-- +" + direction.label() + " " + rest + "' names " + name + " twice; name each "
                        + "dialect once.");
            } else {
                dialects.add(name);
            }
        }
        return dialects;
    }

    private void checkClash(Section section, List<Section> earlier) {
        String marker = "-- +" + section.direction().label();
        for (Section other : earlier) {
            if (other.direction() != section.direction()) {
                continue;
            }
            if (section.unqualified() && other.unqualified()) {
                problem(section.line(), "a second '" + marker + "' section (the first is at line " + other.line()
                        + "); a file has one " + marker + " section per dialect: merge the two, or name dialects "
                        + "on one of them ('" + marker + " postgresql').");
                return;
            }
            for (String dialect : section.dialects()) {
                if (other.dialects().contains(dialect)) {
                    problem(section.line(), "a second '" + marker + "' section for " + dialect
                            + " (the section at line " + other.line() + " also names " + dialect + "); a dialect "
                            + "may have only one " + marker + " section: merge them or remove " + dialect
                            + " from one marker.");
                    return;
                }
            }
        }
    }

    private void checkSplits(Section section) {
        if (section.unqualified()) {
            // Reported only when no dialect can split it, so the first dialect that can is enough.
            SqlSplitException first = null;
            for (SqlSyntax syntax : EVERY_SYNTAX) {
                try {
                    SqlSplitter.check(section.body(), section.line() + 1, syntax);
                    return;
                } catch (SqlSplitException e) {
                    first = first == null ? e : first;
                }
            }
            problem(first.line(), first.problem());
            return;
        }
        for (String dialect : section.dialects()) {
            try {
                SqlSplitter.check(section.body(), section.line() + 1, SqlSyntax.forDialect(dialect));
            } catch (SqlSplitException e) {
                problem(e.line(), e.problem() + " (splitting this " + dialect + " section)");
                return;
            }
        }
    }

    private void problem(int line, String message) {
        problems.add(new ScriptProblem(location, line, message));
    }
}
