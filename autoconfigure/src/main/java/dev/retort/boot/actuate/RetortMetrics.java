package dev.retort.boot.actuate;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.graph.Direction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Micrometer metrics of Retort's runs:
 * <ul>
 *   <li>timer {@value #MIGRATION_TIMER}, one sample per applied or reverted revision, tagged
 *       {@code revision}, {@code direction} ({@code upgrade}/{@code downgrade}) and
 *       {@code outcome} ({@code success}/{@code failure});</li>
 *   <li>gauge {@value #PENDING_GAUGE}: revisions not yet applied, as of the latest status
 *       read in this process ({@link MigrationRunTracker#pendingCount()}; no value before the
 *       first run).</li>
 * </ul>
 * A revision id is a bounded tag: a service has as many values as it has migration files.
 */
public class RetortMetrics implements MeterBinder, MigrationListener {

    public static final String MIGRATION_TIMER = "retort.migration";
    public static final String PENDING_GAUGE = "retort.migrations.pending";

    private final Supplier<MeterRegistry> registry;
    private final MigrationRunTracker tracker;

    /**
     * @param registry where revision timers go, looked up when a revision finishes (runs
     *                 with {@code retort.run-at=startup} finish before Boot binds meter binders)
     * @param tracker  source of the pending count
     */
    public RetortMetrics(Supplier<MeterRegistry> registry, MigrationRunTracker tracker) {
        this.registry = registry;
        this.tracker = tracker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING_GAUGE, tracker, RetortMetrics::pending)
                .description("Migration revisions of this build not yet applied to the database")
                .register(registry);
    }

    private static double pending(MigrationRunTracker tracker) {
        int count = tracker.pendingCount();
        return count < 0 ? Double.NaN : count;
    }

    @Override
    public void revisionApplied(AppliedRevision revision) {
        record(revision.revision(), revision.direction(), revision.duration(), "success");
    }

    @Override
    public void revisionFailed(String revision, Direction direction, Duration took, RuntimeException error) {
        record(revision, direction, took, "failure");
    }

    private void record(String revision, Direction direction, Duration took, String outcome) {
        MeterRegistry target = registry.get();
        if (target == null) {
            return;
        }
        Timer.builder(MIGRATION_TIMER)
                .description("Time taken to apply or revert one migration revision")
                .tag("revision", revision)
                .tag("direction", direction == null ? "upgrade" : direction.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .register(target)
                .record(took == null ? Duration.ZERO : took);
    }
}
