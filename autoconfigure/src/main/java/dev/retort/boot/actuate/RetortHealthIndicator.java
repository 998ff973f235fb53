package dev.retort.boot.actuate;

import dev.retort.Status;
import dev.retort.boot.LastRun;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.MigrationState;
import dev.retort.boot.RetortMigrationRunner;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the migrated database (component {@code migrations}): {@code UP} when it is
 * at this build's heads (or at revisions of a newer build, see {@code UNKNOWN_REVISION}),
 * {@code OUT_OF_SERVICE} while revisions are pending (unless the start-up run reached a
 * {@code retort.target} short of the heads) or a run is in progress, {@code DOWN}
 * after a failed run, when applied migration files changed, or when the database cannot be
 * read (then {@code state} is the last known one and {@code error} says why, as in
 * {@code /actuator/migrations}).
 *
 * <p>{@code error} is what makes it {@code DOWN}: the read error when the database cannot be
 * read, else a failed run's error. {@code lastRunError} is the failed run's error whenever the
 * last run failed (the endpoint's {@code lastRun.error}), so that a read error never hides why
 * the migration failed. {@code statusReadAt} is when the status behind the answer was read, as
 * in the endpoint: this check's reading, or, when the database cannot be read, the latest
 * successful one in this process.
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {

    private final RetortMigrationRunner runner;

    public RetortHealthIndicator(RetortMigrationRunner runner) {
        super("Retort migrations health check failed");
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationRunTracker tracker = runner.tracker();
        if (tracker.isRunning()) {
            // Do not touch the database while a run holds its lock.
            builder.outOfService().withDetail("state", MigrationState.MIGRATING.name());
            return;
        }
        MigrationRunTracker.Reading reading;
        try {
            reading = tracker.readStatus(runner.retort()::status);
        }
        catch (RuntimeException ex) {
            // What /actuator/migrations says too: the last known state (an unreadable database
            // is not a failed migration) and the same error. DOWN: nothing confirms it.
            MigrationState known = tracker.lastKnownState(runner.validateChecksums());
            builder.down();
            if (known != null) {
                builder.withDetail("state", known.name());
            }
            builder.withDetail("error", RetortMigrationsEndpoint.errorMessage(ex));
            withLastRunError(builder, tracker.lastRun());
            Instant lastReadAt = tracker.lastReadAt();
            if (lastReadAt != null) {
                builder.withDetail("statusReadAt", lastReadAt.toString());
            }
            return;
        }
        Status status = reading.status();
        MigrationState state = tracker.state(status, runner.validateChecksums());
        switch (state) {
            case UP_TO_DATE, UNKNOWN_REVISION -> builder.up();
            // Pending revisions beyond a deliberate retort.target are not a reason to refuse traffic.
            case PENDING -> {
                if (tracker.isAtRunTarget(status.current())) {
                    builder.up();
                }
                else {
                    builder.outOfService();
                }
            }
            case MIGRATING -> builder.outOfService();
            case FAILED -> builder.down();
        }
        builder.withDetail("state", state.name())
                .withDetail("current", status.current())
                .withDetail("heads", status.heads())
                .withDetail("pending", status.pending().size())
                .withDetail("statusReadAt", reading.readAt().toString());
        if (!status.unknownRevisions().isEmpty()) {
            builder.withDetail("unknownRevisions", status.unknownRevisions());
        }
        if (!status.checksumMismatches().isEmpty()) {
            builder.withDetail("checksumMismatches",
                    status.checksumMismatches().stream().map(m -> m.revision() + " (" + m.location() + ")").toList());
        }
        LastRun lastRun = tracker.lastRun();
        if (lastRun != null && lastRun.error() != null && state == MigrationState.FAILED) {
            builder.withDetail("error", lastRun.error());
        }
        withLastRunError(builder, lastRun);
    }

    private static void withLastRunError(Health.Builder builder, LastRun lastRun) {
        if (lastRun != null && LastRun.FAILED.equals(lastRun.status()) && lastRun.error() != null) {
            builder.withDetail("lastRunError", lastRun.error());
        }
    }
}
