package dev.retort.graph;

import dev.retort.RetortException;

/**
 * Base of every error about revisions: the graph itself, an identifier that cannot be
 * resolved, or a target that cannot be reached. Subclasses carry the data; the message is a
 * full sentence that says what was asked, what exists and what to do.
 */
public class RevisionException extends RetortException {

    public RevisionException(String message) {
        super(message);
    }
}
