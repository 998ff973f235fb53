package dev.retort.boot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the most recent migration run of this application did.
 *
 * @param operation   {@code upgrade}, {@code downgrade}, {@code stamp}, or {@code strategy}
 *                    when a {@link RetortMigrationStrategy} ran without the engine reporting an operation
 * @param target      what the run was asked to reach, e.g. {@code head}
 * @param status      {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code SKIPPED} (unknown revisions in the database)
 * @param startedAt   ISO-8601 instant the run started
 * @param durationMs  how long it took; null while running
 * @param applied     revisions applied (or reverted) so far, in order
 * @param error       the failure's message, null unless {@code FAILED} or {@code SKIPPED}
 */
// Null values are part of the endpoint's JSON contract ("error": null), whatever the
// application's Jackson inclusion default.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LastRun(String operation, String target, String status, String startedAt, Long durationMs,
                      List<String> applied, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    public LastRun {
        applied = List.copyOf(applied);
    }
}
