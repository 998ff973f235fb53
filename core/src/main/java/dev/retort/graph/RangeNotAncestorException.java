package dev.retort.graph;

/**
 * A target that cannot be reached in the asked direction: a downgrade to a revision that is not
 * below the current ones, or a history range whose start is not an ancestor of its end.
 */
public class RangeNotAncestorException extends RevisionException {

    private final String lower;
    private final String upper;

    public RangeNotAncestorException(String lower, String upper, String message) {
        super(message);
        this.lower = lower;
        this.upper = upper;
    }

    /** The lower end as asked (a target, a range start, or {@code base}). */
    public String lower() {
        return lower;
    }

    /** The upper end as asked. */
    public String upper() {
        return upper;
    }
}
