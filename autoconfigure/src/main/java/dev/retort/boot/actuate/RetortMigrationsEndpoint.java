package dev.retort.boot.actuate;

import dev.retort.HistoryEntry;
import dev.retort.PendingRevision;
import dev.retort.Retort;
import dev.retort.Status;
import dev.retort.boot.LastRun;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.MigrationState;
import dev.retort.boot.RetortMigrationRunner;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.MigrationScript;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.boot.Redaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: where each Retort engine's database stands, what is
 * pending and what the last run did; {@code /actuator/migrations/{revision}}: one
 * revision's details. Read-only; never shows credentials.
 *
 * <p>An engine whose database cannot be read (unreachable, or an unexpected version
 * table), also during a run, is still described, with what is known without the database,
 * the last known state, an {@code error} (the health contributor says the same) and
 * {@code statusReadAt}, when the database was last read; what only the database can tell is
 * null, never a remembered value that would pass for a fresh one.
 * {@link RetortMigrationsEndpointWebExtension} turns "nothing could be read" into HTTP 503.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class RetortMigrationsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RetortMigrationsEndpoint.class);

    private final Map<String, Retort> engines;
    private final @Nullable RetortMigrationRunner runner;

    /**
     * @param engines the engines by bean name (the key under {@code engines} in the JSON)
     * @param runner  the start-up run, whose tracker knows the last run of its engine; may be null
     */
    public RetortMigrationsEndpoint(Map<String, Retort> engines, @Nullable RetortMigrationRunner runner) {
        this.engines = Map.copyOf(engines);
        this.runner = runner;
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<String, EngineDescriptor> descriptors = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        for (String name : engines.keySet().stream().sorted().toList()) {
            Retort retort = engines.get(name);
            EngineDescriptor descriptor;
            try {
                descriptor = describe(retort);
            }
            catch (RuntimeException ex) {
                failures.put(name, ex);
                descriptor = unreadable(retort, ex);
            }
            descriptors.put(name, descriptor);
        }
        logFailures(failures, "/actuator/migrations");
        return new MigrationsDescriptor(descriptors);
    }

    /**
     * One revision of any engine; null (HTTP 404) when no engine knows it. The revision's
     * file details need no database; when the database cannot be read, {@code applied} and
     * {@code appliedAt} are null and {@code error} says why.
     */
    @ReadOperation
    public @Nullable RevisionDescriptor revision(@Selector String revision) {
        for (String name : engines.keySet().stream().sorted().toList()) {
            Retort retort = engines.get(name);
            Revision known = retort.scripts().graph().get(revision);
            if (known == null) {
                continue;
            }
            try {
                return describe(retort, known, trackerOf(retort));
            }
            catch (RuntimeException ex) {
                logFailures(Map.of(name, ex), "/actuator/migrations/" + revision);
                return unreadable(retort, known, ex);
            }
        }
        return null;
    }

    /**
     * One WARN line per request, without a stack trace: an unreachable database is an
     * operational state that monitoring polls into, not a bug; DEBUG carries the trace.
     */
    private static void logFailures(Map<String, RuntimeException> failures, String path) {
        if (failures.isEmpty()) {
            return;
        }
        if (log.isWarnEnabled()) {
            StringBuilder message = new StringBuilder(path).append(" could not read the database of ");
            failures.forEach((name, ex) -> message.append("engine '").append(name).append("': ")
                    .append(Redaction.message(ex)).append("; "));
            message.append("the response carries \"error\" (DEBUG logging of ")
                    .append(RetortMigrationsEndpoint.class.getName()).append(" shows the stack trace).");
            log.warn(message.toString());
        }
        if (log.isDebugEnabled()) {
            failures.forEach((name, ex) -> log.debug("Engine '{}': the status could not be read", name, ex));
        }
    }

    /**
     * What an operator sees of {@code error}, here and in the health contributor's details,
     * with secrets masked. The engine's message already
     * carries the database's answer when a pool's own message hides it (see core's
     * {@code Session.open}).
     */
    static String errorMessage(RuntimeException ex) {
        return "Cannot read the migration status: " + Redaction.message(ex);
    }

    /**
     * The database could not be read, whether or not a run is in progress: {@code state} is
     * the last known one ({@code MIGRATING} during a run; not a failed migration unless a run
     * failed), {@code error} says why there is no fresh reading, {@code statusReadAt} when the
     * last one was taken. What only the database can tell is null, never a remembered value:
     * a remembered {@code current} would look like a fresh one, and during a run it is wrong.
     */
    private EngineDescriptor unreadable(Retort retort, RuntimeException ex) {
        MigrationRunTracker tracker = trackerOf(retort);
        MigrationState state = tracker != null ? tracker.lastKnownState(validateChecksums()) : null;
        RevisionGraph graph = retort.scripts().graph();
        List<String> heads = graph.heads().stream().sorted().toList();
        return new EngineDescriptor(null, retort.schema(), retort.versionTable(), state, null, null, heads, null,
                graph.revisions().size(), tracker != null ? tracker.lastRun() : null, errorMessage(ex),
                tracker != null ? timestamp(tracker.lastReadAt()) : null);
    }

    private static RevisionDescriptor unreadable(Retort retort, Revision revision, RuntimeException ex) {
        MigrationScript script = retort.scripts().script(revision.id());
        return new RevisionDescriptor(revision.id(), revision.message(), revision.revises(), revision.dependsOn(),
                revision.branchLabels(), script == null ? null : script.location(),
                script == null ? null : script.checksum(), null, null, errorMessage(ex));
    }

    /** A fresh reading; throws when the database cannot be read (see {@link #unreadable}). */
    private EngineDescriptor describe(Retort retort) {
        MigrationRunTracker tracker = trackerOf(retort);
        if (tracker == null) {
            // retort.validate-checksums is the start-up run's setting; other engines count drift as a failure.
            Instant readAt = Instant.now();
            Status status = retort.status();
            return describe(status, MigrationState.of(status, true), null, readAt);
        }
        MigrationRunTracker.Reading reading = tracker.readStatus(retort::status);
        MigrationState state = tracker.state(reading.status(), validateChecksums());
        return describe(reading.status(), state, tracker.lastRun(), reading.readAt());
    }

    private static EngineDescriptor describe(Status status, @Nullable MigrationState state, @Nullable LastRun lastRun,
            Instant readAt) {
        return new EngineDescriptor(status.database(), status.schema(), status.versionTable(), state,
                status.upToDate(), status.current(), status.heads(), status.pending(), status.revisionCount(), lastRun,
                null, timestamp(readAt));
    }

    private static @Nullable String timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private boolean validateChecksums() {
        return runner == null || runner.validateChecksums();
    }

    private @Nullable MigrationRunTracker trackerOf(Retort retort) {
        return (runner != null && runner.retort() == retort) ? runner.tracker() : null;
    }

    private static RevisionDescriptor describe(Retort retort, Revision revision, @Nullable MigrationRunTracker tracker) {
        RevisionGraph graph = retort.scripts().graph();
        String id = revision.id();
        MigrationScript script = retort.scripts().script(id);
        Status status = tracker != null ? tracker.readStatus(retort::status).status() : retort.status();
        boolean applied = status.current().stream()
                .anyMatch(head -> head.equals(id) || (graph.contains(head) && graph.isAncestor(id, head)));
        String appliedAt = null;
        if (applied) {
            appliedAt = retort.history().stream()
                    .filter(entry -> id.equals(entry.revision()) && entry.success()
                            && !"downgrade".equalsIgnoreCase(entry.operation()))
                    .map(HistoryEntry::appliedAt)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .map(Object::toString)
                    .orElse(null);
        }
        return new RevisionDescriptor(revision.id(), revision.message(), revision.revises(), revision.dependsOn(),
                revision.branchLabels(), script == null ? null : script.location(),
                script == null ? null : script.checksum(), applied, appliedAt, null);
    }

    /** The whole response: one entry per engine bean. */
    public record MigrationsDescriptor(Map<String, EngineDescriptor> engines) implements OperationResponseBody {

        public MigrationsDescriptor {
            engines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(engines));
        }
    }

    /**
     * One engine's database.
     * @param database       product and version, e.g. {@code PostgreSQL 15.19}
     * @param schema         the migrated schema
     * @param versionTable   the table holding the current heads
     * @param state          where the database stands for this build; when it cannot be read,
     *                       the last known state: {@code MIGRATING} during a run, {@code FAILED}
     *                       after a failed run, else what the latest reading said (null if
     *                       nothing said, or no reading followed the last run)
     * @param upToDate       whether the database is at this build's heads
     * @param current        revisions in the version table
     * @param heads          this build's head revisions
     * @param pending        revisions of this build not yet applied, in the order an upgrade applies them
     * @param revisionCount  how many revisions this build has
     * @param lastRun        what the last run did; null before the first
     * @param error          why the database could not be read for this answer (also during a
     *                       run), null when it could; then {@code database}, {@code upToDate},
     *                       {@code current} and {@code pending} are null
     * @param statusReadAt   when the status behind this answer was read (ISO-8601): this
     *                       request's reading when {@code error} is null; else the latest
     *                       successful reading in this process, null if there was none (or the
     *                       engine is not the start-up run's)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EngineDescriptor(@Nullable String database, @Nullable String schema, String versionTable,
                                   @Nullable MigrationState state, @Nullable Boolean upToDate,
                                   @Nullable List<String> current, List<String> heads,
                                   @Nullable List<PendingRevision> pending, int revisionCount,
                                   @Nullable LastRun lastRun, @Nullable String error,
                                   @Nullable String statusReadAt) {

        public EngineDescriptor {
            current = current == null ? null : List.copyOf(current);
            heads = List.copyOf(heads);
            pending = pending == null ? null : List.copyOf(pending);
        }
    }

    /**
     * One revision.
     * @param revision     its id
     * @param message      what it does
     * @param revises      its parents (empty for a base revision)
     * @param dependsOn    revisions it depends on without being their child
     * @param branchLabels its branch labels
     * @param location     the migration file it comes from
     * @param checksum     SHA-256 of that file (normalised line endings)
     * @param applied      whether the database is at or past this revision; null when it could not be read
     * @param appliedAt    when it was last applied (ISO-8601), null if not applied, unrecorded or unreadable
     * @param error        why the database could not be read, null when it could
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RevisionDescriptor(String revision, String message, List<String> revises, List<String> dependsOn,
                                     List<String> branchLabels, String location, String checksum,
                                     @Nullable Boolean applied, @Nullable String appliedAt, @Nullable String error) {

        public RevisionDescriptor {
            revises = List.copyOf(revises);
            dependsOn = List.copyOf(dependsOn);
            branchLabels = List.copyOf(branchLabels);
        }
    }
}
