package dev.retort.graph;

import java.util.List;

/**
 * A relative target ({@code +2}, {@code ae10-1}, {@code label@+1}) cannot be followed: the walk
 * meets a branch point or merge point where it would have to choose, or runs past a head or
 * past base.
 */
public class RelativeWalkException extends RevisionException {

    /** Why the walk stopped. */
    public enum Reason {
        /** Several revisions one step away: a branch point going up, a merge point going down. */
        AMBIGUOUS,
        /** The walk ran out of revisions before taking all its steps. */
        TOO_FAR,
        /** The walk has no single starting point (several current revisions, or none). */
        NO_START
    }

    private final String argument;
    private final Reason reason;
    private final List<String> choices;

    public RelativeWalkException(String argument, Reason reason, List<String> choices, String message) {
        super(message);
        this.argument = argument;
        this.reason = reason;
        this.choices = List.copyOf(choices);
    }

    public String argument() {
        return argument;
    }

    public Reason reason() {
        return reason;
    }

    /** The revisions the walk could not choose between (empty unless {@link Reason#AMBIGUOUS}). */
    public List<String> choices() {
        return choices;
    }
}
