package dev.retort;

import java.util.List;

/**
 * What {@code validate()} found: changed files of applied revisions and version-table rows
 * this build does not know. Both lists empty means valid.
 */
public record ValidationResult(List<ChecksumMismatch> mismatches, List<String> unknownRevisions) {

    public ValidationResult {
        mismatches = List.copyOf(mismatches);
        unknownRevisions = List.copyOf(unknownRevisions);
    }

    public boolean valid() {
        return mismatches.isEmpty() && unknownRevisions.isEmpty();
    }
}
