package dev.retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Plans {@code upgrade}, {@code downgrade} and {@code stamp} over a {@link RevisionGraph}: which
 * revisions run, in which order, and what the version table holds after each step. Pure: it
 * reads nothing and changes nothing; the caller passes the version table's rows.
 */
public final class Planner {

    private final RevisionGraph graph;

    public Planner(RevisionGraph graph) {
        this.graph = graph;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The upgrade from the current rows to a target ({@code head}, {@code heads}, an id or
     * prefix, {@code label@head}, {@code +N}, {@code id+N}, {@code label@+N}, ...). Other
     * branches are left alone. {@code null} means {@code head}.
     *
     * @param rows the version table's rows (empty: no table yet, or at base)
     */
    public Plan upgrade(Collection<String> rows, String target) {
        String t = target == null ? "head" : target;
        List<String> current = List.copyOf(rows);
        refuseRange(t, "upgrade");
        UpgradeCollector.Collected collected = new UpgradeCollector(graph).collect(t, current, false, false, true, true);
        List<Integer> order = new ArrayList<>(new TopologicalOrder(graph).newestFirst(collected.revisions(), collected.targets()));
        Collections.reverse(order);
        return run(Operation.UPGRADE, t, current, order, Direction.UPGRADE);
    }

    /**
     * The downgrade from the current rows to a target ({@code base}, an id, {@code -N},
     * {@code id-N}, {@code label@base}, {@code label@-N}, ...): undoes the applied descendants of
     * the target, newest first.
     */
    public Plan downgrade(Collection<String> rows, String target) {
        if (target == null) {
            throw new InvalidTargetException(null, "A downgrade needs a target: a revision, '-1', or 'base'");
        }
        List<String> current = List.copyOf(rows);
        refuseRange(target, "downgrade");
        DowngradeCollector.Collected collected = new DowngradeCollector(graph).collect(current, target);
        List<Integer> order = new TopologicalOrder(graph).newestFirst(collected.revisions(), collected.heads());
        return run(Operation.DOWNGRADE, target, current, order, Direction.DOWNGRADE);
    }

    /**
     * Sets the version table to the targets without running any migration. Each target moves
     * the rows on its line of history; {@code base} removes them; with {@code purge} the table
     * is emptied first (for a table whose rows are unknown). The plan has no steps.
     */
    public Plan stamp(Collection<String> rows, List<String> targets, boolean purge) {
        List<String> current = List.copyOf(rows);
        List<String> start = purge ? List.of() : current;
        for (String t : targets) {
            refuseRange(t, "stamp");
        }
        HeadMaintainer maintainer = new HeadMaintainer(graph, start);
        for (HeadMaintainer.StampMove move : new StampPlanner(graph).moves(start, targets)) {
            maintainer.stamp(move);
        }
        List<String> result = maintainer.sortedRows();
        return new Plan(Operation.STAMP, String.join(" ", targets), sorted(current), List.of(), result,
                rowsOnOneLineWarning(result));
    }

    /**
     * Alembic writes a stamp whose targets lie on one line of history (a revision and its
     * ancestor both become rows), and so does Retort, for parity; but every later upgrade or
     * downgrade refuses such a table, so the plan says so before it is written.
     */
    private List<String> rowsOnOneLineWarning(List<String> rows) {
        List<String> older = new ArrayList<>();
        List<String> newest = new ArrayList<>();
        for (String row : rows) {
            boolean below = false;
            for (String other : rows) {
                below |= !other.equals(row) && graph.contains(row) && graph.contains(other)
                        && graph.ancestors(graph.indexOf(other), false).get(graph.indexOf(row));
            }
            (below ? older : newest).add(row);
        }
        if (older.isEmpty()) {
            return List.of();
        }
        return List.of("the version table will hold " + String.join(", ", older) + " beside revisions that descend"
                + " from it (" + String.join(", ", newest) + "), as Alembic writes it; later upgrades and downgrades"
                + " refuse such a table until it holds only the newest revision of each line"
                + " (`retort stamp " + String.join(" ", newest) + " --purge`). Stamp only " + String.join(" ", newest)
                + " to avoid this.");
    }

    /**
     * The changes {@link #stamp} makes, one per line of history it touches, in the order they
     * are applied: what Alembic logs as {@code Running stamp_revision FROM -> TO}. Empty when the
     * stamp changes nothing (the targets already are the rows, or {@code base} on an empty table).
     */
    public List<StampChange> stampChanges(Collection<String> rows, List<String> targets, boolean purge) {
        List<String> start = purge ? List.of() : List.copyOf(rows);
        for (String t : targets) {
            refuseRange(t, "stamp");
        }
        List<StampChange> changes = new ArrayList<>();
        for (HeadMaintainer.StampMove move : new StampPlanner(graph).moves(start, targets)) {
            changes.add(new StampChange(move.from(), move.to()));
        }
        return changes;
    }

    /**
     * The upgrade an offline script covers: {@code FROM:TO} ({@code base:head}, {@code ae10:head})
     * or just {@code TO} (from base). FROM is resolved to the rows the script starts from.
     */
    public Plan upgradeRange(String range) {
        String[] parts = splitRange(range);
        return upgrade(startingRows(parts[0]), parts[1]);
    }

    /** The downgrade an offline script covers: {@code FROM:TO}, e.g. {@code head:base}. */
    public Plan downgradeRange(String range) {
        String[] parts = splitRange(range);
        if (parts[0].equals("base")) {
            throw new InvalidTargetException(range, "Offline downgrade range '" + range
                    + "' needs a starting revision, e.g. 'head:base' or 'ae10:base'");
        }
        return downgrade(startingRows(parts[0]), parts[1]);
    }

    private List<String> startingRows(String from) {
        return graph.resolver().showIds(from);
    }

    private static String[] splitRange(String range) {
        int colon = range == null ? -1 : range.indexOf(':');
        if (colon < 0) {
            return new String[] {"base", range == null || range.isEmpty() ? "head" : range};
        }
        String from = range.substring(0, colon);
        String to = range.substring(colon + 1);
        if (to.contains(":")) {
            throw new InvalidTargetException(range, "Range '" + range + "' has more than one ':'; write FROM:TO");
        }
        return new String[] {from.isEmpty() ? "base" : from, to.isEmpty() ? "head" : to};
    }

    private static void refuseRange(String target, String command) {
        if (target != null && target.contains(":")) {
            throw new InvalidTargetException(target, "'" + target + "' is a range; `retort " + command
                    + "` takes one target online (ranges are for --sql, which writes a script without connecting)");
        }
    }

    private Plan run(Operation operation, String target, List<String> current, List<Integer> order, Direction direction) {
        HeadMaintainer maintainer = new HeadMaintainer(graph, current);
        List<Step> steps = new ArrayList<>(order.size());
        List<String> before = maintainer.sortedRows();
        for (int revision : order) {
            if (direction == Direction.UPGRADE) {
                maintainer.upgrade(revision);
            } else {
                maintainer.downgrade(revision);
            }
            List<String> after = maintainer.sortedRows();
            steps.add(new Step(graph.id(revision), direction, before, after));
            before = after;
        }
        return new Plan(operation, target, sorted(current), steps, maintainer.sortedRows(), List.of());
    }

    private static List<String> sorted(Collection<String> rows) {
        List<String> result = new ArrayList<>(new java.util.LinkedHashSet<>(rows));
        result.sort(GraphBuilder::compareCodePoints);
        return result;
    }
}
