package dev.retort.graph;

import java.util.List;

/** The revisions of a {@code FROM:TO} range, newest first (Alembic's {@code walk_revisions}). */
final class HistoryQuery {

    private final RevisionGraph graph;

    HistoryQuery(RevisionGraph graph) {
        this.graph = graph;
    }

    List<Integer> history(String range) {
        String lower = null;
        String upper = null;
        if (range != null) {
            String trimmed = range.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0) {
                throw new InvalidTargetException(range, "History range '" + range
                        + "' must be FROM:TO, FROM: or :TO (e.g. 'base:head', 'ae10:', ':label@head')");
            }
            lower = trimmed.substring(0, colon);
            upper = trimmed.substring(colon + 1);
        }
        lower = lower == null || lower.isEmpty() ? "base" : lower;
        upper = upper == null || upper.isEmpty() ? "heads" : upper;
        UpgradeCollector.Collected collected = new UpgradeCollector(graph)
                .collect(upper, List.of(lower), true, true, false, false);
        return new TopologicalOrder(graph).newestFirst(collected.revisions(), collected.targets());
    }
}
