package dev.retort.script;

import dev.retort.graph.NewRevision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes new migration files ({@code retort revision}, {@code retort merge}): the header from a
 * {@link NewRevision}, a message and a create-date, then empty {@code -- +upgrade} and
 * {@code -- +downgrade} sections, in a file named {@code <id>_<slug>.sql}.
 *
 * <p>Every rendered file is read back with {@link ScriptParser} before it is written, so the
 * writer can never produce a file the loader would reject.
 */
public final class ScriptWriter {

    /** Slugs longer than this are cut at a word boundary, so file names stay readable. */
    static final int MAX_SLUG = 40;

    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ScriptWriter() {
    }

    /**
     * Renders and writes a new file into {@code folder} (created if missing).
     *
     * @param createDate the {@code create-date} header as written, or null to leave it out
     *                   (see {@link #createDate(LocalDateTime)})
     * @return the file written
     * @throws ScriptException when a file of that name exists already (it is never overwritten)
     *                         or cannot be written
     */
    public static Path write(Path folder, NewRevision revision, String message, String createDate) {
        String text = render(revision, message, createDate);
        Path file = folder.resolve(fileName(revision.id(), message)).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW fails atomically when the file exists, so two writers cannot both win.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (FileAlreadyExistsException e) {
            throw new ScriptException(file.toString(), 0, "the file already exists and is never overwritten; "
                    + "choose another revision id or message, or delete the old file first.");
        } catch (IOException e) {
            throw new ScriptException(file.toString(), 0, "cannot write the new migration file: " + e);
        }
        return file;
    }

    /**
     * The text of a new file.
     *
     * @param message one line (leading and trailing whitespace are dropped); may be empty
     * @throws IllegalArgumentException when the message has a line break
     * @throws ScriptLoadException      when the header would not load (e.g. a reserved id), so no
     *                                  broken file is ever written
     */
    public static String render(NewRevision revision, String message, String createDate) {
        Objects.requireNonNull(revision, "revision");
        String oneLine = message == null ? "" : message.strip();
        if (oneLine.contains("\n") || oneLine.contains("\r")) {
            throw new IllegalArgumentException("The message must be one line, because it is a header line; "
                    + "put longer explanations in comments below the header.");
        }
        StringBuilder text = new StringBuilder();
        text.append("-- revision: ").append(revision.id()).append('\n');
        text.append("-- revises: ").append(revision.revises().isEmpty() ? "base" : list(revision.revises())).append('\n');
        if (!oneLine.isEmpty()) {
            text.append("-- message: ").append(oneLine).append('\n');
        }
        if (!revision.branchLabels().isEmpty()) {
            text.append("-- branch-labels: ").append(list(revision.branchLabels())).append('\n');
        }
        if (!revision.dependsOn().isEmpty()) {
            text.append("-- depends-on: ").append(list(revision.dependsOn())).append('\n');
        }
        if (createDate != null && !createDate.isBlank()) {
            text.append("-- create-date: ").append(createDate.strip()).append('\n');
        }
        text.append("\n-- +upgrade\n\n\n-- +downgrade\n\n");
        String rendered = text.toString();
        ScriptParser.Parsed check = ScriptParser.read(fileName(revision.id(), oneLine), null,
                rendered.getBytes(StandardCharsets.UTF_8));
        if (!check.problems().isEmpty()) {
            throw new ScriptLoadException(check.problems());
        }
        return rendered;
    }

    /** {@code <id>_<slug>.sql}, or {@code <id>.sql} when the message gives no slug. */
    public static String fileName(String id, String message) {
        String slug = slug(message);
        return id + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
    }

    /**
     * The message as a file-name part: lowercase ASCII letters, digits and single underscores,
     * accents dropped ({@code "Add Café table!"} gives {@code add_cafe_table}), cut at a word
     * boundary to at most {@value #MAX_SLUG} characters.
     */
    public static String slug(String message) {
        if (message == null) {
            return "";
        }
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('_', MAX_SLUG);
            slug = slug.substring(0, cut > MAX_SLUG / 2 ? cut : MAX_SLUG).replaceAll("_+$", "");
        }
        return slug;
    }

    /** The {@code create-date} text for a moment: {@code 2026-11-21 10:30:00} (local time, as Alembic writes it). */
    public static String createDate(LocalDateTime moment) {
        return CREATE_DATE.format(moment);
    }

    private static String list(List<String> values) {
        return String.join(", ", values);
    }
}
