package dev.retort.graph;

/**
 * A target or a request that Retort refuses for a reason other than resolution: a range where
 * one revision is expected, {@code stamp} targets on one line of history, a new revision on a
 * revision that is not a head without {@code --splice}, a branch label already in use, or a
 * version table whose rows contradict the plan.
 */
public class InvalidTargetException extends RevisionException {

    private final String argument;

    public InvalidTargetException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The target or argument as the user typed it (may be null). */
    public String argument() {
        return argument;
    }
}
