package dev.retort.boot;

/** Where the database stands for this build, as {@code /actuator/migrations} reports it. */
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
    UNKNOWN_REVISION
}
