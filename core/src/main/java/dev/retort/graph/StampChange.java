package dev.retort.graph;

import java.util.List;

/**
 * One change a {@code stamp} makes to the version table, as Alembic logs it
 * ({@code Running stamp_revision a1 -> c1}): the rows it moves away from (empty when it adds a
 * new row) and the revisions it moves them to (empty when it removes rows, for {@code base}).
 *
 * @param from the rows replaced or removed, in the planner's order
 * @param to   the revisions written instead (at most one)
 */
public record StampChange(List<String> from, List<String> to) {

    public StampChange {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
