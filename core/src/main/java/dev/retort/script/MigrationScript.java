package dev.retort.script;

import dev.retort.graph.Direction;
import dev.retort.graph.Revision;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed migration file.
 *
 * @param revision      the id from the {@code revision} header
 * @param revises       the parents from {@code revises}; empty for {@code revises: base}
 * @param message       the {@code message} header, empty when absent
 * @param branchLabels  the {@code branch-labels} header
 * @param dependsOn     the {@code depends-on} header (revision ids or branch labels)
 * @param createDate    the {@code create-date} header as written, or null
 * @param transactional the {@code transactional} header, {@code true} when absent
 * @param sections      the sections in file order
 * @param checksum      lowercase hex SHA-256 of the normalised file bytes ({@link Checksums})
 * @param location      where the file was found, for messages: {@code classpath:db/migrations/ae10_x.sql}
 *                      or an absolute file path
 * @param path          the file on disk, or null for classpath resources (including jar entries)
 */
public record MigrationScript(String revision, List<String> revises, String message, List<String> branchLabels,
                              List<String> dependsOn, String createDate, boolean transactional,
                              List<Section> sections, String checksum, String location, Path path) {

    public MigrationScript {
        Objects.requireNonNull(revision, "revision");
        revises = List.copyOf(revises);
        message = message == null ? "" : message;
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        sections = List.copyOf(sections);
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(location, "location");
    }

    /** The graph node this file declares. */
    public Revision toRevision() {
        return new Revision(revision, revises, dependsOn, branchLabels, message);
    }

    /** Whether the file has a {@code -- +downgrade} section (for some dialect at least). */
    public boolean reversible() {
        return sections.stream().anyMatch(s -> s.direction() == Direction.DOWNGRADE);
    }

    /**
     * The section to run in {@code direction} on a database known by {@code dialectNames}
     * (most specific first, e.g. {@code ["mariadb", "mysql"]}): the first name that a
     * dialect-qualified section names wins; otherwise the unqualified section.
     *
     * @return empty only when the file has no section of that direction at all (for a
     *         downgrade: the revision is irreversible)
     * @throws ScriptException when sections of that direction exist but none fits, naming the
     *                         file, the dialect and the dialects the file has sections for
     */
    public Optional<Section> section(Direction direction, List<String> dialectNames) {
        List<Section> candidates = sections.stream().filter(s -> s.direction() == direction).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        for (String name : dialectNames) {
            for (Section section : candidates) {
                if (section.dialects().contains(name)) {
                    return Optional.of(section);
                }
            }
        }
        for (Section section : candidates) {
            if (section.unqualified()) {
                return Optional.of(section);
            }
        }
        Set<String> available = new LinkedHashSet<>();
        candidates.forEach(s -> available.addAll(s.dialects()));
        String marker = "-- +" + direction.label();
        String dialect = dialectNames.isEmpty() ? "an unknown dialect" : "dialect " + String.join("/", dialectNames);
        String wanted = dialectNames.isEmpty() ? "<dialect>" : dialectNames.get(0);
        throw new ScriptException(location, candidates.get(0).line(), "no " + marker + " section fits " + dialect
                + "; this file has " + marker + " sections only for " + String.join(", ", available)
                + ". Add a '" + marker + " " + wanted + "' section, or an unqualified '" + marker
                + "' section that fits any database.");
    }

    /**
     * The statements of {@code section} split with {@code syntax}; a splitting error names this
     * file and the line.
     *
     * @throws ScriptException when the section's SQL cannot be split (an unclosed string,
     *                         comment, dollar quote or {@code +begin} block)
     */
    public List<SqlStatement> statements(Section section, SqlSyntax syntax) {
        try {
            return section.statements(syntax);
        } catch (SqlSplitException e) {
            throw new ScriptException(location, e.line(), e.problem());
        }
    }
}
