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

    static BitSet ancestorsChecked(RevisionGraph graph, List<Integer> starts, boolean withDependencies, String argument) {
        return walk(graph, starts, withDependencies, true, argument);
    }

    static BitSet descendantsChecked(RevisionGraph graph, List<Integer> starts, boolean withDependencies, String argument) {
        return walk(graph, starts, withDependencies, false, argument);
    }

    private static BitSet walk(RevisionGraph graph, List<Integer> starts, boolean withDependencies, boolean down,
                               String argument) {
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
                throw new InvalidTargetException(argument, "Requested revision " + graph.id(start)
                        + " overlaps with other requested revisions " + String.join(", ", graph.ids(overlaps))
                        + ": they are on one line of history" + (down ? " (the others are below it)" : " (the others are above it)")
                        + "; name only the newest of them");
            }
        }
        return seen;
    }
}
