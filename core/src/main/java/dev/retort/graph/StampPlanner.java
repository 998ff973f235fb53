package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the version table ends up after {@code stamp}: for each target, the current rows on
 * the same line of history are moved to it in one step (up or down), and a target on a line
 * with no row is added as a new row; {@code base} removes the rows on its lines (Alembic's
 * {@code _stamp_revs}). With {@code purge} the table is emptied first.
 */
final class StampPlanner {

    private final RevisionGraph graph;
    private final IdentifierResolver resolver;

    StampPlanner(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    List<HeadMaintainer.StampMove> moves(List<String> rows, List<String> targets) {
        List<Integer> current = resolver.getRevisions(rows);
        List<String> revision = targets.isEmpty() ? List.of("base") : targets;
        LinkedHashSet<Integer> filtered = new LinkedHashSet<>();
        for (String t : revision) {
            if (t != null && !t.isEmpty()) {
                filtered.addAll(resolver.filterForLineage(nonNegative(current), t, true));
            }
        }
        List<String> filteredIds = graph.ids(filtered);
        List<Integer> destinations = resolver.getRevisions(revision);
        for (int dest : destinations) {
            if (dest == IdentifierResolver.BASE) {
                // A relative walk ('-2') that ends exactly below a first revision names no revision
                // (Alembic fails here); one that runs further counts as base, as in Alembic.
                throw new RelativeWalkException(String.join(" ", targets), RelativeWalkException.Reason.TOO_FAR, List.of(),
                        "'" + String.join(" ", targets) + "' walks down to base from at least one head;"
                                + " stamp 'base' or name the revisions to stamp");
            }
        }
        if (destinations.isEmpty()) {
            destinations = List.of(IdentifierResolver.NONE);
        }
        List<HeadMaintainer.StampMove> moves = new ArrayList<>();
        for (int dest : destinations) {
            if (dest < 0) {
                for (String head : filteredIds) {
                    moves.add(new HeadMaintainer.StampMove(List.of(head), List.of(), false, true));
                }
                continue;
            }
            if (filtered.contains(dest)) {
                continue;
            }
            BitSet above = graph.descendants(List.of(dest), true);
            BitSet below = graph.ancestors(dest, true);
            boolean headsAbove = filtered.stream().anyMatch(above::get);
            boolean headsBelow = filtered.stream().anyMatch(below::get);
            if (headsAbove) {
                if (headsBelow) {
                    throw new InvalidTargetException(String.join(" ", targets), "Cannot stamp " + graph.id(dest)
                            + ": the version table holds revisions both above and below it (" + String.join(", ", filteredIds)
                            + "); stamp with --purge to replace the rows");
                }
                moves.add(new HeadMaintainer.StampMove(filteredIds, List.of(graph.id(dest)), false, false));
            } else if (headsBelow) {
                moves.add(new HeadMaintainer.StampMove(filteredIds, List.of(graph.id(dest)), true, false));
            } else {
                moves.add(new HeadMaintainer.StampMove(List.of(), List.of(graph.id(dest)), true, true));
            }
        }
        return moves;
    }

    private static List<Integer> nonNegative(List<Integer> revisions) {
        List<Integer> result = new ArrayList<>();
        for (int r : revisions) {
            if (r >= 0) {
                result.add(r);
            }
        }
        return result;
    }
}
