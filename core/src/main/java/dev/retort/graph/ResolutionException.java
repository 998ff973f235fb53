package dev.retort.graph;

import java.util.List;

/**
 * An identifier names no revision, a prefix names several, or a revision is not on the branch
 * the identifier asked for.
 */
public class ResolutionException extends RevisionException {

    /** Why the identifier did not resolve. */
    public enum Reason { UNKNOWN, AMBIGUOUS_PREFIX, NOT_ON_BRANCH, UNKNOWN_BRANCH }

    private final String argument;
    private final Reason reason;
    private final List<String> candidates;

    public ResolutionException(String argument, Reason reason, List<String> candidates, String message) {
        super(message);
        this.argument = argument;
        this.reason = reason;
        this.candidates = List.copyOf(candidates);
    }

    /** The identifier (or the part of it) that did not resolve. */
    public String argument() {
        return argument;
    }

    public Reason reason() {
        return reason;
    }

    /** For an ambiguous prefix the matching ids; for an unknown id the nearest existing ids. */
    public List<String> candidates() {
        return candidates;
    }
}
