package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which revisions an upgrade (or a history range) covers: the target and its ancestors minus
 * the current revisions and theirs (Alembic's {@code _collect_upgrade_revisions}).
 */
final class UpgradeCollector {

    /** The revisions to run (unordered) and the targets to order them from. */
    record Collected(BitSet revisions, List<Integer> targets) {
    }

    private final RevisionGraph graph;
    private final IdentifierResolver resolver;

    UpgradeCollector(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    /**
     * @param upper        the target as typed
     * @param lower        the current rows (for an upgrade) or the lower end of a range as a
     *                     one-element list (for history)
     * @param lowerIsRange whether {@code lower} is a typed range start (enables {@code label@base})
     * @param inclusive    whether the lower revisions themselves are included (history)
     * @param implicitBase whether other branches count (upgrade) or only descendants of the
     *                     lower end (history)
     */
    Collected collect(String upper, List<String> lower, boolean lowerIsRange, boolean inclusive,
                      boolean implicitBase, boolean assertRelativeLength) {
        List<Integer> targets = new ArrayList<>(new TargetParser(graph).parseUpgradeTarget(lower, upper, assertRelativeLength));
        for (int t : targets) {
            if (t < 0) {
                throw new RelativeWalkException(upper, RelativeWalkException.Reason.TOO_FAR, List.of(),
                        "'" + upper + "' walks past the end of the history; use a smaller step");
            }
        }
        if (lowerIsRange && lower.size() == 1 && lower.get(0) != null && lower.get(0).contains("@")) {
            // 'label@base:...' keeps only targets on that branch.
            String branch = lower.get(0).substring(0, lower.get(0).indexOf('@'));
            int branchRev = resolver.getRevision(branch);
            if (branchRev >= 0 && graph.id(branchRev).equals(branch)) {
                if (graph.labels(branchRev).size() != 1) {
                    throw new InvalidTargetException(lower.get(0), "'" + lower.get(0) + "' uses revision " + branch
                            + " as a branch, but it carries " + (graph.labels(branchRev).isEmpty() ? "no branch label"
                            : "several branch labels " + graph.labels(branchRev)) + "; name a branch label instead");
                }
                branch = graph.labels(branchRev).iterator().next();
            }
            List<Integer> onBranch = new ArrayList<>();
            for (int t : targets) {
                if (graph.labels(t).contains(branch)) {
                    onBranch.add(t);
                }
            }
            targets = onBranch;
        }
        BitSet required = Traversal.ancestorsChecked(graph, targets, true, upper, Traversal.Starts.TARGETS);

        List<Integer> current = resolver.getRevisions(lower);
        String lowerText = lower.size() == 1 ? lower.get(0) : String.join(",", lower);
        if (!implicitBase) {
            for (int c : current) {
                if (c != IdentifierResolver.NONE && (c < 0 || !required.get(c))) {
                    throw new RangeNotAncestorException(lowerText, upper, "Revision "
                            + (c < 0 ? "base" : graph.id(c)) + " ('" + lowerText + "') is not an ancestor of '" + upper
                            + "', so '" + lowerText + ":" + upper + "' is not a range of one line of history;"
                            + " put the older revision first");
                }
            }
        }
        List<String> lowerForInclusive = lower;
        if (!current.isEmpty() && current.get(0) == IdentifierResolver.NONE) {
            // A relative lower end ('-2:') that walked off: read it as a downgrade target from upper.
            TargetParser.DowngradeTarget dt = new TargetParser(graph).parseDowngradeTarget(List.of(upper), lowerText, assertRelativeLength);
            if (dt.revision() == IdentifierResolver.NONE) {
                current = List.of();
                lowerForInclusive = List.of();
            } else {
                current = List.of(dt.revision());
                lowerForInclusive = List.of(graph.id(dt.revision()));
            }
        }
        Traversal.Starts startsKind = lowerIsRange ? Traversal.Starts.TARGETS : Traversal.Starts.ROWS;
        for (int c : current) {
            if (c < 0) {
                throw new RelativeWalkException(lowerText, RelativeWalkException.Reason.TOO_FAR, List.of(),
                        "'" + lowerText + "' walks past base; use a smaller step or 'base'");
            }
        }
        BitSet currentSet = Traversal.ancestorsChecked(graph, current, true, lowerText, startsKind);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(currentSet);
        if (inclusive) {
            for (int r : resolver.getRevisions(lowerForInclusive)) {
                if (r < 0) {
                    throw new RelativeWalkException(lowerText, RelativeWalkException.Reason.TOO_FAR, List.of(),
                            "'" + lowerText + "' walks past base; use a smaller step or 'base'");
                }
                needs.set(r);
            }
        }
        if (!current.isEmpty() && !implicitBase) {
            needs.and(Traversal.descendantsChecked(graph, current, false, lowerText, startsKind));
        }
        return new Collected(needs, targets);
    }
}
