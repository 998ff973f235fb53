package dev.retort;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param id         ascending row id
 * @param revision   the revision id
 * @param operation  {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param message    the revision's message when it ran
 * @param checksum   the migration file's checksum when it ran (null for a revision no file declared)
 * @param appliedAt  when it was recorded
 * @param appliedBy  the database user (or the configured {@code appliedBy}); never a password
 * @param durationMs how long its statements took
 * @param success    false for a failed attempt ({@code repair()} removes those)
 */
public record HistoryEntry(long id, String revision, String operation, String message, String checksum,
                           Instant appliedAt, String appliedBy, long durationMs, boolean success) {
}
