package dev.retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The version table's rows as a plan moves through its steps: which row each step inserts,
 * deletes or updates, exactly as Alembic's {@code HeadMaintainer.update_to_step}.
 *
 * <p>Upgrade of R (P = R's parents and normalised dependencies, H = the rows): no member of P in
 * H: insert R; two or more in H: they all go and R takes their place; otherwise the one parent
 * row becomes R. Downgrade of R: R a base, or all of P already implied by other rows: delete R;
 * several parents: R becomes the parents not implied by other rows; otherwise R becomes its
 * parent. A step whose rows do not fit (Alembic fails an assertion there) is refused with an
 * explanation.
 */
final class HeadMaintainer {

    /** A stamp's move: rows {@code from} are replaced by {@code to} without running anything. */
    record StampMove(List<String> from, List<String> to, boolean upgrade, boolean branchMove) {
    }

    private final RevisionGraph graph;
    private final LinkedHashSet<String> rows;

    HeadMaintainer(RevisionGraph graph, Collection<String> rows) {
        this.graph = graph;
        this.rows = new LinkedHashSet<>(rows);
    }

    Set<String> rows() {
        return rows;
    }

    List<String> sortedRows() {
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(GraphBuilder::compareCodePoints);
        return sorted;
    }

    void upgrade(int revision) {
        String r = graph.id(revision);
        List<String> down = graph.ids(graph.normalizedDown(revision));
        List<String> present = new ArrayList<>();
        for (String d : down) {
            if (rows.contains(d)) {
                present.add(d);
            }
        }
        if (present.isEmpty()) {
            insert(r, r);
        } else if (down.size() > 1 && present.size() > 1) {
            Set<String> others = new LinkedHashSet<>(rows);
            others.removeAll(down);
            List<String> from = new ArrayList<>(down);
            if (!others.isEmpty()) {
                from.removeIf(d -> impliedBy(d, others));
            }
            for (String f : from) {
                delete(f, r);
            }
            insert(r, r);
        } else {
            String parent;
            if (down.size() == 1) {
                parent = down.get(0);
            } else if (present.size() == 1) {
                parent = present.get(0);
            } else {
                throw conflict(r, "its parents " + down + " are not clearly in the version table");
            }
            delete(parent, r);
            insert(r, r);
        }
    }

    void downgrade(int revision) {
        String r = graph.id(revision);
        List<String> down = graph.ids(graph.normalizedDown(revision));
        if (!rows.contains(r)) {
            throw conflict(r, "the version table does not hold " + r);
        }
        if (down.isEmpty()) {
            rows.remove(r);
            return;
        }
        List<String> to = unmergeTargets(revision, down);
        if (to.isEmpty()) {
            rows.remove(r);
        } else if (down.size() > 1) {
            rows.remove(r);
            for (String t : to) {
                insert(t, r);
            }
        } else {
            rows.remove(r);
            insert(down.get(0), r);
        }
    }

    /** The parents R's row turns into: those not implied by other rows (nor by each other). */
    private List<String> unmergeTargets(int revision, List<String> down) {
        String r = graph.id(revision);
        Set<String> others = new LinkedHashSet<>(rows);
        others.remove(r);
        List<String> to = new ArrayList<>(down);
        if (!others.isEmpty()) {
            to.removeIf(d -> impliedBy(d, others));
        } else if (down.size() > 1) {
            // Drop parents that another parent already implies.
            List<String> parents = List.copyOf(down);
            to.removeIf(d -> parents.stream().anyMatch(p -> !p.equals(d)
                    && graph.reaches(graph.indexOf(d), graph.indexOf(p), true)));
        }
        return to;
    }

    void stamp(StampMove move) {
        List<String> from = move.from();
        List<String> to = move.to();
        if (!move.upgrade() && move.branchMove()) {
            delete(from.get(0), from.get(0));
        } else if (move.upgrade() && (move.branchMove() || !rows.containsAll(from)) && !rows.containsAll(to)) {
            insert(to.get(0), to.get(0));
        } else if (from.size() > 1) {
            for (String f : from) {
                delete(f, to.get(0));
            }
            insert(to.get(0), to.get(0));
        } else if (from.size() == 1 && to.size() == 1) {
            delete(from.get(0), to.get(0));
            insert(to.get(0), to.get(0));
        } else {
            throw conflict(String.join(", ", to), "there is no version-table row to move from");
        }
    }

    /** Whether another row already implies revision {@code id} (it is that row or below it). */
    private boolean impliedBy(String id, Collection<String> others) {
        int d = graph.indexOf(id);
        for (String o : others) {
            int i = graph.indexOf(o);
            if (i < 0) {
                throw graph.resolver().unknown(o);
            }
            if (graph.reaches(d, i, true)) {
                return true;
            }
        }
        return false;
    }

    private void insert(String row, String step) {
        if (!rows.add(row)) {
            throw conflict(step, "the version table already holds " + row);
        }
    }

    private void delete(String row, String step) {
        if (!rows.remove(row)) {
            throw conflict(step, "the version table does not hold " + row);
        }
    }

    private InvalidTargetException conflict(String step, String why) {
        return new InvalidTargetException(step, "Cannot plan the step for " + step + ": " + why
                + " (rows: " + sortedRows() + "); the requested target overlaps revisions that are already applied,"
                + " or the version table was edited by hand; check `retort current` and pick a target on one line of history");
    }
}
