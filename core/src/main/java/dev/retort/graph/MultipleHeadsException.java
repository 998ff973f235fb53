package dev.retort.graph;

import java.util.List;

/**
 * An identifier that must name one revision names several heads, e.g. {@code head} when the
 * graph has two branches.
 */
public class MultipleHeadsException extends RevisionException {

    private final List<String> heads;
    private final String argument;

    public MultipleHeadsException(List<String> heads, String argument) {
        this(heads, argument, "'" + argument + "' names " + heads.size() + " heads (" + String.join(", ", heads)
                + ") where one revision is needed; name one of them, use '<branch-label>@head' to pick"
                + " the head of one branch, 'heads' for all of them, or join them with `retort merge`"
                + " (`retort heads` lists them)");
    }

    public MultipleHeadsException(List<String> heads, String argument, String message) {
        super(message);
        this.heads = List.copyOf(heads);
        this.argument = argument;
    }

    public List<String> heads() {
        return heads;
    }

    /** The identifier as the user typed it. */
    public String argument() {
        return argument;
    }
}
