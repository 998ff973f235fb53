package dev.retort.cli.output;

import dev.retort.AppliedRevision;
import dev.retort.ChecksumMismatch;
import dev.retort.MigrationResult;
import dev.retort.PendingRevision;
import dev.retort.RepairResult;
import dev.retort.Status;
import dev.retort.ValidationResult;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code --json} documents, one record per command. Record component order is the key
 * order; every key is always present (null where docs/cli.md says so). These shapes are a
 * documented contract: change them only together with docs/cli.md.
 */
public final class JsonShapes {

    private JsonShapes() {
    }

    /** {@code upgrade|downgrade|stamp --dry-run --json}: exactly DESIGN.md's plan shape. */
    public record PlanJson(String operation, String target, List<String> current, List<StepJson> steps,
                           List<String> resultingHeads) {

        public static PlanJson of(Plan plan, Function<String, String> messages) {
            return new PlanJson(plan.operation().label(), plan.target(), plan.current(),
                    plan.steps().stream().map(step -> StepJson.of(step, messages)).toList(), plan.resultingHeads());
        }
    }

    /** One step of a plan, in execution order. */
    public record StepJson(String revision, String operation, String message) {

        static StepJson of(Step step, Function<String, String> messages) {
            return new StepJson(step.revision(), step.direction().label(), messages.apply(step.revision()));
        }
    }

    /** {@code upgrade|downgrade|stamp --json} (a real run): what was done. */
    public record RunJson(String operation, String target, List<String> current, List<AppliedJson> applied,
                          List<String> resultingHeads, String startedAt, long durationMs) {

        public static RunJson of(MigrationResult result) {
            return new RunJson(result.operation().label(), result.target(), result.from(),
                    result.applied().stream().map(AppliedJson::of).toList(), result.resultingHeads(),
                    result.startedAt() == null ? null : result.startedAt().toString(),
                    result.duration() == null ? 0 : result.duration().toMillis());
        }
    }

    /** One revision a run applied or reverted. */
    public record AppliedJson(String revision, String operation, String message, long durationMs) {

        static AppliedJson of(AppliedRevision applied) {
            return new AppliedJson(applied.revision(), applied.direction().label(), applied.message(),
                    applied.duration() == null ? 0 : applied.duration().toMillis());
        }
    }

    /** {@code current --json}. */
    public record CurrentJson(String database, String schema, String versionTable, List<String> current,
                              boolean upToDate, List<RevisionView> revisions, List<String> unknownRevisions) {
    }

    /** {@code heads --json}. */
    public record HeadsJson(List<String> heads, List<RevisionView> revisions) {
    }

    /** {@code branches --json}: each branch point with its children (ids in {@code children}). */
    public record BranchesJson(List<RevisionView> branchPoints) {
    }

    /** {@code history --json}: newest first; {@code current} only with {@code -i}, else null. */
    public record HistoryJson(String range, List<String> current, List<RevisionView> revisions) {
    }

    /**
     * {@code graph --json}: every revision, oldest first (each after the revisions it revises),
     * the graph's heads and bases, and the database's revisions ({@code null} when no database
     * URL is configured, as the drawings then mark nothing).
     */
    public record GraphJson(List<RevisionView> revisions, List<String> heads, List<String> bases,
                            List<String> current) {
    }

    /** {@code show REV --json}: every revision REV stands for ({@code heads} may be several). */
    public record ShowJson(List<RevisionView> revisions) {
    }

    /** {@code check --json}: {@code ok} is false exactly when the exit code is 3. */
    public record CheckJson(boolean ok, String database, String schema, String versionTable, boolean upToDate,
                            List<String> current, List<String> heads, List<PendingRevision> pending,
                            List<String> unknownRevisions, List<ChecksumMismatch> checksumMismatches) {

        public static CheckJson of(Status status) {
            boolean ok = status.upToDate() && status.unknownRevisions().isEmpty()
                    && status.checksumMismatches().isEmpty() && status.pending().isEmpty();
            return new CheckJson(ok, status.database(), status.schema(), status.versionTable(), status.upToDate(),
                    status.current(), status.heads(), status.pending(), status.unknownRevisions(),
                    status.checksumMismatches());
        }
    }

    /** {@code validate --json}. */
    public record ValidateJson(boolean valid, List<ChecksumMismatch> checksumMismatches, List<String> unknownRevisions) {

        public static ValidateJson of(ValidationResult result) {
            return new ValidateJson(result.valid(), result.mismatches(), result.unknownRevisions());
        }
    }

    /** {@code repair --json}. */
    public record RepairJson(List<ChecksumMismatch> realigned, int failedEntriesRemoved) {

        public static RepairJson of(RepairResult result) {
            return new RepairJson(result.realigned(), result.failedEntriesRemoved());
        }
    }

    /** {@code revision --json} and {@code merge --json}: the file written. */
    public record NewRevisionJson(String revision, List<String> revises, List<String> dependsOn,
                                  List<String> branchLabels, String message, String file) {
    }

    /** Message lookup for plan steps: the revision's message, or empty for ids not loaded. */
    public static Function<String, String> messages(Map<String, RevisionView> views) {
        return id -> views.containsKey(id) ? views.get(id).message() : "";
    }
}
