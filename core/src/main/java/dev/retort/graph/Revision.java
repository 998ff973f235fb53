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

    /**
     * Whether {@code id} is a valid revision id or branch label: {@code [A-Za-z0-9_]{1,32}}.
     * (A loop rather than the regular expression: every id of every file is checked at each start.)
     */
    public static boolean isValidId(String id) {
        int length = id.length();
        if (length < 1 || length > 32) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
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
