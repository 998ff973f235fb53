package dev.retort.graph;

import java.util.List;

/**
 * What a command will do, computed without touching a database.
 *
 * @param operation      upgrade, downgrade or stamp
 * @param target         the target as the user typed it ({@code head}, {@code ae10+2}, ...);
 *                       for a stamp of several revisions, the targets joined by a space
 * @param current        the version table's rows before the run, sorted
 * @param steps          the steps in execution order (empty for a stamp: it runs no SQL)
 * @param resultingHeads the version table's rows after the run, sorted
 * @param warnings       things the user should know that do not stop the run
 */
public record Plan(Operation operation, String target, List<String> current, List<Step> steps,
                   List<String> resultingHeads, List<String> warnings) {

    public Plan {
        current = List.copyOf(current);
        steps = List.copyOf(steps);
        resultingHeads = List.copyOf(resultingHeads);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && current.equals(resultingHeads);
    }
}
