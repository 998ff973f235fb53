package dev.retort.graph;

import java.util.Objects;

/**
 * One thing wrong with a set of revisions, found while building the graph.
 *
 * @param revision the revision whose header is wrong, or null when the problem has no single
 *                 owner
 * @param field    the header field to point at: {@code revision}, {@code revises},
 *                 {@code depends-on} or {@code branch-labels}
 * @param message  a full sentence saying what is wrong and what to do
 * @param kind     what kind of problem this is, for callers that react to it
 */
public record GraphProblem(String revision, String field, String message, Kind kind) {

    /** The kinds of problem {@link RevisionGraph#of} reports. */
    public enum Kind {
        /** An id that is empty, too long or has characters other than letters, digits and {@code _}. */
        INVALID_ID,
        /** An id or label equal to {@code base}, {@code head}, {@code heads} or {@code current}. */
        RESERVED_NAME,
        /** Two revisions with the same id. */
        DUPLICATE_ID,
        /** A revision that revises itself. */
        SELF_LOOP,
        /** A revision that depends on itself. */
        DEPENDENCY_SELF_LOOP,
        /** A {@code revises} entry naming no revision. */
        MISSING_REVISES,
        /** A {@code revises} entry naming a branch label instead of a revision id. */
        LABEL_AS_REVISES,
        /** A {@code revises} entry listed twice. */
        DUPLICATE_REVISES,
        /** A {@code depends-on} entry naming no revision and no label. */
        MISSING_DEPENDS_ON,
        /** A malformed branch label. */
        INVALID_LABEL,
        /** A branch label declared twice or equal to a revision id. */
        LABEL_CONFLICT,
        /** A cycle through {@code revises}. */
        CYCLE,
        /** A cycle that goes through at least one {@code depends-on}. */
        DEPENDENCY_CYCLE,
        /** Anything else, reported by a layer above the graph. */
        OTHER
    }

    public GraphProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** The shape agreed in CONTRACT.md, for callers that do not care about the kind. */
    public GraphProblem(String revision, String field, String message) {
        this(revision, field, message, Kind.OTHER);
    }
}
