package dev.retort;

import java.util.List;

/** Applied migration files changed since they were applied; the run refused to start. */
public class ChecksumMismatchException extends RetortException {

    private final List<ChecksumMismatch> mismatches;

    public ChecksumMismatchException(String message, List<ChecksumMismatch> mismatches) {
        super(message);
        this.mismatches = List.copyOf(mismatches);
    }

    public List<ChecksumMismatch> mismatches() {
        return mismatches;
    }
}
