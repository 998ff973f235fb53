package dev.retort.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The revisions do not form a valid graph. Carries every problem found, not only the first, so
 * that the author can fix them all in one go; the script layer maps each to a file and line.
 */
public class GraphException extends RevisionException {

    private final List<GraphProblem> problems;

    public GraphException(List<GraphProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<GraphProblem> problems() {
        return problems;
    }

    /** Whether one of the problems is of the given kind. */
    public boolean has(GraphProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    private static String describe(List<GraphProblem> problems) {
        if (problems.size() == 1) {
            return "The revisions do not form a valid graph: " + problems.get(0).message();
        }
        return "The revisions do not form a valid graph (" + problems.size() + " problems):"
                + problems.stream().map(p -> "\n  - " + p.message()).collect(Collectors.joining());
    }
}
