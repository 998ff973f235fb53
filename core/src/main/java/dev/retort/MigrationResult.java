package dev.retort;

import dev.retort.graph.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a finished run did.
 *
 * @param operation      upgrade, downgrade or stamp
 * @param target         the target as asked ({@code head}, {@code ae10+2}, for a stamp the targets joined by a space)
 * @param from           the version table's rows before the run, sorted
 * @param applied        the revisions run, in order (empty for a stamp and for an up-to-date database)
 * @param resultingHeads the version table's rows after the run, sorted
 * @param startedAt      when the run started (before taking the lock)
 * @param duration       how long the run took, lock wait included
 */
public record MigrationResult(Operation operation, String target, List<String> from, List<AppliedRevision> applied,
                              List<String> resultingHeads, Instant startedAt, Duration duration) {

    public MigrationResult {
        from = List.copyOf(from);
        applied = List.copyOf(applied);
        resultingHeads = List.copyOf(resultingHeads);
    }
}
