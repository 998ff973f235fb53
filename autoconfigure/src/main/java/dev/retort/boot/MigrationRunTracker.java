package dev.retort.boot;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.Status;
import dev.retort.graph.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what the application's migration runs did, for {@code /actuator/migrations},
 * the health contributor and the metrics. It hears runs twice: from
 * {@link RetortMigrationRunner} (the start-up run, including a
 * {@link RetortMigrationStrategy} and the checks before it) and, as a
 * {@link MigrationListener} of the auto-configured engine, from every upgrade, downgrade or
 * stamp, also those the application starts itself later.
 *
 * <p>It also keeps the latest status that anyone in this process read successfully
 * ({@link #readStatus(Supplier)}: the start-up run, the endpoint, the health contributor), so
 * that when the database cannot be read they can say what it last said, and when.
 *
 * <p>Thread-safe: runs happen on the start-up thread while the endpoint and health are read
 * from request threads.
 */
public final class MigrationRunTracker implements MigrationListener {

    private final Object lock = new Object();

    private boolean running;
    private boolean runnerOwnsRun;
    private String operation;
    private String target;
    private Instant startedAt;
    private final List<String> applied = new ArrayList<>();
    private LastRun lastRun;
    private RuntimeException failure;
    private List<String> unknownRevisions = List.of();
    private Status status;
    private List<String> reachedHeads = List.of();
    private @Nullable Status lastRead;
    private @Nullable Instant lastReadAt;
    private @Nullable Instant changedAt;

    /** Whether a migration run is in progress. */
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    /** The last (or current) run, null before the first. */
    public LastRun lastRun() {
        synchronized (lock) {
            if (running) {
                return new LastRun(operation, target, LastRun.RUNNING, startedAt.toString(), null, applied, null);
            }
            return lastRun;
        }
    }

    /** The failure of the last run, null if it did not fail. */
    public RuntimeException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** Revisions in the version table that this build does not know, as found by the last run. */
    public List<String> unknownRevisions() {
        synchronized (lock) {
            return unknownRevisions;
        }
    }

    /**
     * Reads the database's status and remembers it as the latest reading, stamped with the
     * moment the read began (so a slow read never passes for newer than one that began after it).
     * @param read the engine's {@code status()}
     * @return what it returned, with that moment; its exception passes through, and nothing
     *         is remembered then
     */
    public Reading readStatus(Supplier<Status> read) {
        Instant readAt = Instant.now();
        Status current = read.get();
        synchronized (lock) {
            if (lastReadAt == null || !readAt.isBefore(lastReadAt)) {
                lastRead = current;
                lastReadAt = readAt;
            }
        }
        return new Reading(current, readAt);
    }

    /** When the latest successful {@link #readStatus(Supplier) reading} began, null if there was none. */
    public @Nullable Instant lastReadAt() {
        synchronized (lock) {
            return lastReadAt;
        }
    }

    /**
     * Whether the database is where the last successful start-up run left it, for a target
     * other than the heads ({@code retort.target=<revision>}): pending revisions are then
     * intended, not a reason to refuse traffic.
     */
    public boolean isAtRunTarget(List<String> current) {
        synchronized (lock) {
            return !reachedHeads.isEmpty() && lastRun != null && LastRun.SUCCEEDED.equals(lastRun.status())
                    && new java.util.HashSet<>(reachedHeads).equals(new java.util.HashSet<>(current));
        }
    }

    /**
     * Pending revisions as of the latest successful reading that began after the last run ended
     * (the start-up run's own, a health check's or an endpoint request's), so that a deploy by
     * another instance shows at the next readiness probe; else as of the status read after the
     * start-up run; -1 before the first run or when unknown.
     */
    public int pendingCount() {
        synchronized (lock) {
            boolean readAfterLastRun = lastReadAt != null && (changedAt == null || lastReadAt.isAfter(changedAt));
            Status latest = readAfterLastRun ? lastRead : status;
            return latest == null ? -1 : latest.pending().size();
        }
    }

    /**
     * Where the database stands, from what this tracker saw and a fresh status.
     * @param current           the database's status now, null if it could not be read (then
     *                          {@link #lastKnownState(boolean)})
     * @param validateChecksums whether changed migration files count as a failure
     */
    public @Nullable MigrationState state(@Nullable Status current, boolean validateChecksums) {
        if (current == null) {
            return lastKnownState(validateChecksums);
        }
        synchronized (lock) {
            if (running) {
                return MigrationState.MIGRATING;
            }
            if (failure != null) {
                return MigrationState.FAILED;
            }
        }
        return MigrationState.of(current, validateChecksums);
    }

    /**
     * Where the database stood when this process last knew, for when it cannot be read now:
     * {@code MIGRATING} during a run, {@code FAILED} after a failed run (also one that failed
     * because it could not connect), else what the latest successful reading said (the
     * start-up run's, the endpoint's or the health contributor's), unless a run of this
     * engine ended after that reading began. An unreadable database is never a state of its
     * own: it is not a failed migration.
     * @return null when nothing was run or read yet (e.g. before the start-up run), or when
     *         no reading followed the last run
     */
    public @Nullable MigrationState lastKnownState(boolean validateChecksums) {
        Status last;
        boolean skipped;
        synchronized (lock) {
            if (running) {
                return MigrationState.MIGRATING;
            }
            if (failure != null) {
                return MigrationState.FAILED;
            }
            // A reading that began before a run ended may show the database before (or halfway
            // through) that run: not what it looks like now.
            boolean readAfterLastRun = lastReadAt != null && (changedAt == null || lastReadAt.isAfter(changedAt));
            last = readAfterLastRun ? lastRead : null;
            skipped = lastRun != null && LastRun.SKIPPED.equals(lastRun.status());
        }
        if (last != null) {
            return MigrationState.of(last, validateChecksums);
        }
        // A run skipped for unknown revisions whose status could not be read afterwards.
        return skipped ? MigrationState.UNKNOWN_REVISION : null;
    }

    // --- the start-up run (RetortMigrationRunner) ---

    void runnerStarted(String target) {
        synchronized (lock) {
            begin("upgrade", target);
            runnerOwnsRun = true;
        }
    }

    void runnerSucceeded(MigrationResult result, Status after) {
        synchronized (lock) {
            if (result != null) {
                absorb(result);
                reachedHeads = List.copyOf(result.resultingHeads());
            }
            finish(LastRun.SUCCEEDED, null);
            status = after;
            unknownRevisions = after == null ? List.of() : after.unknownRevisions();
        }
    }

    void runnerSkipped(List<String> unknown, Status current, String message) {
        synchronized (lock) {
            finish(LastRun.SKIPPED, message);
            unknownRevisions = List.copyOf(unknown);
            status = current;
        }
    }

    void runnerFailed(RuntimeException error, Status after) {
        synchronized (lock) {
            finish(LastRun.FAILED, Redaction.message(error));
            failure = error;
            status = after;
        }
    }

    // --- MigrationListener: every run of the auto-configured engine ---

    @Override
    public void runStarting(Plan plan) {
        synchronized (lock) {
            String op = plan.operation() == null ? "upgrade" : plan.operation().name().toLowerCase(Locale.ROOT);
            if (running && runnerOwnsRun) {
                // The start-up run (or its strategy) reached the engine: record what it really does.
                operation = op;
                if (plan.target() != null) {
                    target = plan.target();
                }
                return;
            }
            begin(op, plan.target());
        }
    }

    @Override
    public void revisionApplied(AppliedRevision revision) {
        synchronized (lock) {
            applied.add(revision.revision());
        }
    }

    @Override
    public void runFinished(MigrationResult result) {
        synchronized (lock) {
            changedAt = Instant.now();
            absorb(result);
            if (running && !runnerOwnsRun) {
                finish(LastRun.SUCCEEDED, null);
            }
        }
    }

    @Override
    public void runFailed(RuntimeException error) {
        synchronized (lock) {
            changedAt = Instant.now();
            if (running && !runnerOwnsRun) {
                finish(LastRun.FAILED, Redaction.message(error));
                failure = error;
            }
        }
    }

    private void begin(String operation, String target) {
        this.running = true;
        this.runnerOwnsRun = false;
        this.operation = operation;
        this.target = target;
        this.startedAt = Instant.now();
        this.applied.clear();
        this.failure = null;
    }

    private void absorb(MigrationResult result) {
        if (result.operation() != null) {
            operation = result.operation().name().toLowerCase(Locale.ROOT);
        }
        if (result.target() != null) {
            target = result.target();
        }
        if (result.startedAt() != null && startedAt == null) {
            startedAt = result.startedAt();
        }
        List<String> ids = result.applied().stream().map(AppliedRevision::revision).toList();
        if (!ids.isEmpty()) {
            applied.clear();
            applied.addAll(ids);
        }
    }

    private void finish(String outcome, String error) {
        Instant start = startedAt == null ? Instant.now() : startedAt;
        long durationMs = Duration.between(start, Instant.now()).toMillis();
        lastRun = new LastRun(operation, target, outcome, start.toString(), durationMs, applied, error);
        running = false;
        runnerOwnsRun = false;
    }

    /**
     * One successful read of the database's status.
     * @param status what it said
     * @param readAt when the read began
     */
    public record Reading(Status status, Instant readAt) {
    }
}
