package dev.retort.runtime;

import dev.retort.AppliedRevision;
import dev.retort.MigrationResult;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The summary line of a run and the result record. */
final class RunReporter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort");

    private RunReporter() {
    }

    static MigrationResult finish(Session session, Plan plan, List<AppliedRevision> applied, Instant startedAt,
                                  long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        MigrationResult result = new MigrationResult(plan.operation(), plan.target(), plan.current(), applied,
                plan.resultingHeads(), startedAt, took);
        String schema = session.schema();
        // Shown as "WARNING: ..." by the CLI, and in a service's log.
        plan.warnings().forEach(warning -> LOG.warn("{}", warning));
        if (plan.operation() == Operation.STAMP) {
            LOG.info("Stamped schema {} from {} to {} in {} ms", schema, rows(plan.current()), rows(plan.resultingHeads()),
                    took.toMillis());
        } else if (applied.isEmpty()) {
            LOG.info("Schema {} is already at {} ({} {}): nothing to run ({} ms)", schema, rows(plan.current()),
                    plan.operation().label(), plan.target(), took.toMillis());
        } else {
            LOG.info("{} schema {} from {} to {}: {} revision{} in {} ms",
                    plan.operation() == Operation.UPGRADE ? "Upgraded" : "Downgraded", schema, rows(plan.current()),
                    rows(plan.resultingHeads()), applied.size(), applied.size() == 1 ? "" : "s", took.toMillis());
        }
        return result;
    }

    static String rows(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }
}
