package dev.retort.graph;

import java.util.List;

/**
 * The revisions form a cycle, so there is no order in which to apply them. Thrown by
 * {@link RevisionGraph#of} instead of a plain {@link GraphException} when cycles are the only
 * problems; {@link #path()} is the first cycle found, starting and ending at the same revision.
 */
public class CycleException extends GraphException {

    private final List<String> path;
    private final boolean throughDependsOn;

    public CycleException(List<String> path, boolean throughDependsOn, List<GraphProblem> problems) {
        super(problems);
        this.path = List.copyOf(path);
        this.throughDependsOn = throughDependsOn;
    }

    /** The cycle, e.g. {@code [a, c, b, a]}: a revises c, c revises b, b revises a. */
    public List<String> path() {
        return path;
    }

    /** Whether the cycle only exists through a {@code depends-on} edge. */
    public boolean throughDependsOn() {
        return throughDependsOn;
    }
}
