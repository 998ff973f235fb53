package dev.retort;

import java.util.List;

/**
 * The version table names revisions that no loaded migration declares: typically a newer
 * build migrated this database. Never fixed silently.
 */
public class UnknownRevisionException extends RetortException {

    private final List<String> revisions;

    public UnknownRevisionException(String message, List<String> revisions) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
