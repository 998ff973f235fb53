package dev.retort.script;

import dev.retort.RetortException;
import java.util.List;

/**
 * Loading migration files found problems; nothing was run. Carries every problem of the load,
 * not just the first, so that one run of the build shows the author all there is to fix.
 */
public class ScriptLoadException extends RetortException {

    private final List<ScriptProblem> problems;

    public ScriptLoadException(List<ScriptProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems in the order they were found (files in load order, lines ascending). */
    public List<ScriptProblem> problems() {
        return problems;
    }

    private static String message(List<ScriptProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScriptLoadException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Migration files have a problem; nothing was run: " + problems.get(0);
        }
        StringBuilder text = new StringBuilder("Migration files have " + problems.size()
                + " problems; nothing was run:");
        for (ScriptProblem problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
