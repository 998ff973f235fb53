package dev.retort;

import java.util.List;

/**
 * What {@code repair()} changed in the history table.
 *
 * @param realigned            revisions whose recorded checksum now matches the file again
 * @param failedEntriesRemoved how many failed history rows were deleted
 */
public record RepairResult(List<ChecksumMismatch> realigned, int failedEntriesRemoved) {

    public RepairResult {
        realigned = List.copyOf(realigned);
    }
}
