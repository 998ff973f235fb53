package dev.retort;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import java.time.Duration;

/**
 * Callbacks around a run (upgrade, downgrade, stamp), for metrics, readiness state and
 * progress output. Every method has an empty default. Callbacks run on the migrating thread
 * while the lock is held, so they should be quick; an exception thrown by a listener is
 * logged and otherwise ignored, so it never changes the outcome of a run.
 */
public interface MigrationListener {

    /** The plan is made (inside the lock) and about to run. */
    default void runStarting(Plan plan) {
    }

    /** One revision's upgrade or downgrade committed (or, in transaction mode {@code all}, ran). */
    default void revisionApplied(AppliedRevision revision) {
    }

    /** One revision failed; {@link #runFailed(RuntimeException)} follows. */
    default void revisionFailed(String revision, Direction direction, Duration took, RuntimeException error) {
    }

    /** The run finished and its changes are committed. */
    default void runFinished(MigrationResult result) {
    }

    /** The run failed (lock timeout, validation, a failing statement, ...); the error is thrown to the caller next. */
    default void runFailed(RuntimeException error) {
    }
}
