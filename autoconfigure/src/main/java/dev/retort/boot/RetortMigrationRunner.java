package dev.retort.boot;

import dev.retort.ChecksumMismatch;
import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.Status;
import dev.retort.UnknownRevisionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up migration: checks the database, then upgrades it to the configured target
 * (or hands the engine to a {@link RetortMigrationStrategy}), and records the outcome in
 * the {@link MigrationRunTracker}. It runs once, at the moment {@code retort.run-at} says.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>the database holds revisions this build does not know (an older build during a
 *       rolling deploy): a warning, no migration, state {@code UNKNOWN_REVISION};</li>
 *   <li>migration files changed since they were applied and checksums are not validated:
 *       a warning listing them, then the upgrade;</li>
 *   <li>any failure: rethrown when {@code failOnError} (start-up fails), else logged and
 *       remembered, so health and readiness report it while the application keeps running.</li>
 * </ul>
 */
public class RetortMigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(RetortMigrationRunner.class);

    private final Retort retort;
    private final RetortMigrationStrategy strategy;
    private final MigrationRunTracker tracker;
    private final String target;
    private final boolean validateChecksums;
    private final boolean failOnError;
    private final AtomicBoolean ran = new AtomicBoolean();

    /**
     * @param retort            the engine
     * @param strategy          replaces the default upgrade; null for the default
     * @param tracker           where the outcome is recorded
     * @param target            what the default run upgrades to ({@code retort.target})
     * @param validateChecksums whether checksum drift is an error ({@code retort.validate-checksums})
     * @param failOnError       whether a failure is rethrown ({@code retort.on-failure=fail})
     */
    public RetortMigrationRunner(Retort retort, RetortMigrationStrategy strategy, MigrationRunTracker tracker,
            String target, boolean validateChecksums, boolean failOnError) {
        this.retort = retort;
        this.strategy = strategy;
        this.tracker = tracker;
        this.target = target;
        this.validateChecksums = validateChecksums;
        this.failOnError = failOnError;
    }

    public Retort retort() {
        return retort;
    }

    public MigrationRunTracker tracker() {
        return tracker;
    }

    /** Whether a failure stops start-up ({@code retort.on-failure=fail}). */
    public boolean failOnError() {
        return failOnError;
    }

    /** Whether checksum drift counts as an error ({@code retort.validate-checksums}). */
    public boolean validateChecksums() {
        return validateChecksums;
    }

    /**
     * Runs the start-up migration once; later calls do nothing.
     * @return false if it had already run
     */
    public boolean run() {
        if (!ran.compareAndSet(false, true)) {
            return false;
        }
        tracker.runnerStarted(target);
        try {
            if (strategy != null) {
                log.info("Running the application's RetortMigrationStrategy ({})", strategy.getClass().getName());
                strategy.migrate(retort);
                tracker.runnerSucceeded(null, statusOrNull());
                return true;
            }
            Status before = tracker.readStatus(retort::status).status();
            if (!before.unknownRevisions().isEmpty()) {
                skip(before.unknownRevisions(), before);
                return true;
            }
            if (!before.checksumMismatches().isEmpty() && !validateChecksums) {
                log.warn("{} (retort.validate-checksums=false, so Retort carries on)",
                        describeMismatches(before.checksumMismatches()));
            }
            if (before.pending().isEmpty()) {
                log.info("Schema {} is up to date at {}", describeSchema(before), before.current());
            }
            else {
                log.info("Migrating schema {} from {} to {}: {} revision(s) pending", describeSchema(before),
                        before.current().isEmpty() ? "base" : before.current(), target, before.pending().size());
            }
            MigrationResult result = retort.upgrade(target);
            // The engine logs each revision and the run's summary itself.
            tracker.runnerSucceeded(result, statusOrNull());
            return true;
        }
        catch (UnknownRevisionException ex) {
            // Another instance of a newer build may have moved the database on between
            // status() and upgrade(): same answer as above, leave it alone.
            Status current = statusOrNull();
            skip(ex.revisions(), current);
            return true;
        }
        catch (RuntimeException ex) {
            tracker.runnerFailed(ex, statusOrNull());
            if (failOnError) {
                throw ex;
            }
            // The message is complete (file, line, statement, what is left applied); the stack
            // trace is for debugging and may quote the raw statement, so it goes to DEBUG.
            log.error("Migration failed; the application keeps running but reports itself not ready "
                    + "(retort.on-failure=continue): {}", Redaction.message(ex));
            log.debug("Migration failure", ex);
            return true;
        }
    }

    private void skip(List<String> unknown, Status current) {
        String message = "The database is at revision(s) " + unknown + " that this build's migrations do not contain"
                + " (an older build during a rolling deploy?); Retort does not migrate it."
                + " Deploy the build that has these revisions, or, if they are gone for good, stamp the database"
                + " with `retort stamp <revision> --purge`.";
        log.warn(message);
        tracker.runnerSkipped(unknown, current, message);
    }

    private Status statusOrNull() {
        try {
            return tracker.readStatus(retort::status).status();
        }
        catch (RuntimeException ex) {
            log.debug("Could not read the migration status after the run", ex);
            return null;
        }
    }

    private static String describeSchema(Status status) {
        return status.schema() == null ? "(default)" : "'" + status.schema() + "'";
    }

    static String describeMismatches(List<ChecksumMismatch> mismatches) {
        return mismatches.size() + " migration file(s) changed since they were applied: "
                + mismatches.stream()
                        .map(m -> m.revision() + " (" + m.location() + ")")
                        .collect(Collectors.joining(", "));
    }
}
