package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which revisions a downgrade undoes: the applied descendants (dependants through depends-on
 * included) of the target's children, or of every base for {@code base}; with a branch label,
 * only roots on that label's line (Alembic's {@code _collect_downgrade_revisions}).
 */
final class DowngradeCollector {

    /** The revisions to undo (unordered) and the current revisions to order them from. */
    record Collected(BitSet revisions, List<Integer> heads) {
    }

    private final RevisionGraph graph;
    private final IdentifierResolver resolver;

    DowngradeCollector(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    Collected collect(List<String> rows, String target) {
        TargetParser.DowngradeTarget parsed = new TargetParser(graph).parseDowngradeTarget(rows, target, true);
        int targetRevision = parsed.revision();
        String label = parsed.label();
        List<Integer> roots = new ArrayList<>();
        if (targetRevision < 0) {
            for (int b : graph.baseIndexes()) {
                roots.add(b);
            }
        } else {
            for (int c : graph.children(targetRevision)) {
                roots.add(c);
            }
        }
        if (label != null && roots.size() > 1) {
            BitSet onBranch = graph.ancestors(resolver.resolveBranch(label), false);
            List<Integer> kept = new ArrayList<>();
            for (int r : roots) {
                if (onBranch.get(r)) {
                    kept.add(r);
                }
            }
            if (kept.isEmpty()) {
                throw new InvalidTargetException(target, "'" + target
                        + "' is not a valid downgrade target from the current revisions " + rows
                        + ": nothing on branch '" + label + "' is applied above it");
            }
            roots = kept;
        }
        List<Integer> heads = resolver.getRevisions(rows);
        List<Integer> realHeads = new ArrayList<>();
        for (int h : heads) {
            if (h >= 0) {
                realHeads.add(h);
            }
        }
        BitSet drop = graph.descendants(roots, true);
        drop.and(graph.ancestors(realHeads, true));
        if (targetRevision >= 0 && drop.isEmpty() && !realHeads.contains(targetRevision)) {
            throw new RangeNotAncestorException(target, String.join(",", rows), "'" + target + "' ("
                    + graph.id(targetRevision) + ") is not below the current revisions "
                    + (rows.isEmpty() ? "(the database is at base)" : String.join(", ", rows))
                    + ", so a downgrade cannot reach it; use `retort upgrade` to go up, or `retort current` to see where the database is");
        }
        return new Collected(drop, realHeads);
    }
}
