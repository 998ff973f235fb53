package dev.retort.boot;

import dev.retort.Status;

/**
 * Where the database stands for this build, as {@code /actuator/migrations} and the
 * {@code migrations} health contributor report it. The same five values whether or not the
 * database can be read right now: an unreadable database is not a state of the migrations
 * but a missing reading, which both report as {@code error} next to the last known state.
 */
public enum MigrationState {
    /** Revisions of this build are not applied yet. */
    PENDING,
    /** A migration run is in progress. */
    MIGRATING,
    /** The database is at the target of this build. */
    UP_TO_DATE,
    /** The last run failed, or the migration files no longer match what was applied. */
    FAILED,
    /**
     * The database is at a revision this build does not know (typically an older build
     * during a rolling deploy); Retort leaves it alone.
     */
    UNKNOWN_REVISION;

    /**
     * Where a status alone puts the database, without what a run in this process saw.
     * @param validateChecksums whether changed migration files count as a failure
     */
    public static MigrationState of(Status status, boolean validateChecksums) {
        if (!status.unknownRevisions().isEmpty()) {
            return UNKNOWN_REVISION;
        }
        if (validateChecksums && !status.checksumMismatches().isEmpty()) {
            return FAILED;
        }
        return status.upToDate() ? UP_TO_DATE : PENDING;
    }
}
