package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Ancestor and descendant walks over several starting revisions that also refuse overlapping
 * starts, as Alembic's {@code _iterate_related_revisions(check=True)} does: a start that is
 * reached again from a later start is an error (e.g. {@code stamp A B} with A below B).
 */
final class Traversal {

    private Traversal() {
    }

    /** What the starting revisions are, for the error message. */
    enum Starts { TARGETS, ROWS }

    static BitSet ancestorsChecked(RevisionGraph graph, List<Integer> starts, boolean withDependencies, String argument,
                                   Starts kind) {
        return walk(graph, starts, withDependencies, true, argument, kind);
    }

    static BitSet descendantsChecked(RevisionGraph graph, List<Integer> starts, boolean withDependencies, String argument,
                                     Starts kind) {
        return walk(graph, starts, withDependencies, false, argument, kind);
    }

    private static BitSet walk(RevisionGraph graph, List<Integer> starts, boolean withDependencies, boolean down,
                               String argument, Starts kind) {
        BitSet seen = new BitSet(graph.size());
        BitSet startSet = new BitSet(graph.size());
        for (int s : starts) {
            startSet.set(s);
        }
        Deque<Integer> todo = new ArrayDeque<>();
        for (int start : starts) {
            todo.push(start);
            List<Integer> overlaps = new ArrayList<>();
            while (!todo.isEmpty()) {
                int at = todo.pop();
                if (at != start && startSet.get(at) && !overlaps.contains(at)) {
                    overlaps.add(at);
                }
                if (seen.get(at)) {
                    continue;
                }
                seen.set(at);
                int[] next = down
                        ? (withDependencies ? graph.normalizedDown(at) : graph.parents(at))
                        : (withDependencies ? graph.allChildren(at) : graph.children(at));
                for (int x : next) {
                    todo.push(x);
                }
            }
            if (!overlaps.isEmpty()) {
                String relation = down ? "below " : "above ";
                if (kind == Starts.ROWS) {
                    throw new InvalidTargetException(argument, "The version table holds " + graph.id(start) + " and "
                            + String.join(", ", graph.ids(overlaps)) + ", which is " + relation + "it on the same line of"
                            + " history; the table should hold only the tips of the applied branches. Check `retort current`"
                            + " and repair the rows with `retort stamp --purge <revisions>`");
                }
                throw new InvalidTargetException(argument, "'" + argument + "' names " + graph.id(start) + " and "
                        + String.join(", ", graph.ids(overlaps)) + ", which is " + relation + "it on the same line of"
                        + " history; name only the newest of them");
            }
        }
        return seen;
    }
}
