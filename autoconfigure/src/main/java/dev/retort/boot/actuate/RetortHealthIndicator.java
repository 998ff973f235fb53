package dev.retort.boot.actuate;

import dev.retort.Status;
import dev.retort.boot.LastRun;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.MigrationState;
import dev.retort.boot.Redaction;
import dev.retort.boot.RetortMigrationRunner;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the migrated database (component {@code migrations}): {@code UP} when it is
 * at this build's heads (or at revisions of a newer build, see {@code UNKNOWN_REVISION}),
 * {@code OUT_OF_SERVICE} while revisions are pending (unless the start-up run reached a
 * {@code retort.target} short of the heads) or a run is in progress, {@code DOWN}
 * after a failed run or when applied migration files changed.
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
        Status status;
        try {
            status = runner.retort().status();
        }
        catch (RuntimeException ex) {
            builder.down().withDetail("state", MigrationState.FAILED.name())
                    .withDetail("error", Redaction.message(ex));
            return;
        }
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
                .withDetail("pending", status.pending().size());
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
    }
}
