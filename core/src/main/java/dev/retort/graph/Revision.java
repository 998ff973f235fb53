package dev.retort.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph, as declared by its author: no I/O, no SQL.
 *
 * @param id           the revision id ({@code [A-Za-z0-9_]{1,32}})
 * @param revises      the parents in declaration order (Alembic's {@code down_revision});
 *                     empty for a base revision, two or more for a merge
 * @param dependsOn    ids or branch labels this revision depends on (Alembic's
 *                     {@code depends_on}), in declaration order
 * @param branchLabels the labels declared on this revision
 * @param message      the human message, may be empty, never null
 */
public record Revision(String id, List<String> revises, List<String> dependsOn,
                       List<String> branchLabels, String message) {

    public Revision {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
    }

    /** A revision with only parents, as tests write graphs inline. */
    public static Revision of(String id, String... revises) {
        return new Revision(id, List.of(revises), List.of(), List.of(), "");
    }

    public boolean isBase() {
        return revises.isEmpty();
    }

    public boolean isMerge() {
        return revises.size() > 1;
    }
}
