package dev.retort.dialect;

import java.util.List;

/**
 * A server-side procedure that applies one step's version-table changes, checks that each
 * UPDATE and DELETE touched exactly one row (SQL state {@code RT001} with the step's message
 * otherwise) and inserts the step's successful history row. See
 * {@link Dialect#stepProcedure}.
 *
 * @param create the statements that create it, to run in one transaction of their own
 * @param drop   the statements that drop it again, likewise
 */
public record StepProcedure(List<String> create, List<String> drop, CallRenderer renderer) {

    /** Renders one call of the procedure as literal SQL. */
    @FunctionalInterface
    public interface CallRenderer {
        /**
         * @param removed    per version-table change, the row it removes, or null for an INSERT
         * @param added      per change, the row it adds, or null for a DELETE
         * @param mismatches per change, the message when it touches another number of rows than
         *                   one ({@code {touched}} stands for the number)
         * @param appliedBy  recorded in history; null records the database user
         */
        String call(List<String> removed, List<String> added, List<String> mismatches, String revision,
                    String operation, String message, String checksum, String appliedBy, long durationMs);
    }

    /** One call (see {@link CallRenderer#call}). */
    public String call(List<String> removed, List<String> added, List<String> mismatches, String revision,
                       String operation, String message, String checksum, String appliedBy, long durationMs) {
        return renderer.call(removed, added, mismatches, revision, operation, message, checksum, appliedBy, durationMs);
    }
}
