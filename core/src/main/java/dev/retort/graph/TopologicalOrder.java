package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Orders a set of revisions newest first, walking down from a list of start heads exactly as
 * Alembic's {@code _topological_sort} does, so that plans run in the same order as Alembic's.
 *
 * <p>The walk takes the current candidate head; if it is an ancestor of another pending head,
 * it switches to that head first; otherwise it emits the candidate (if pending) and replaces it
 * by its first pending parent, appending its other pending parents to the list. A candidate
 * with none left is dropped and the position steps back one. Ties go by load order. A
 * downgrade runs in the emitted order; an upgrade runs it reversed, so for a merge
 * {@code M = (A, B)} the upgrade applies B's side before A's.
 */
final class TopologicalOrder {

    private final RevisionGraph graph;

    TopologicalOrder(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The revisions of {@code todoSet}, newest first, starting from {@code startHeads}. */
    List<Integer> newestFirst(BitSet todoSet, Collection<Integer> startHeads) {
        BitSet todo = (BitSet) todoSet.clone();
        BitSet startSet = new BitSet();
        for (int h : startHeads) {
            if (h >= 0 && todo.get(h)) {
                startSet.set(h);
            }
        }
        List<Integer> heads = IdentifierResolver.bits(startSet);
        List<BitSet> ancestorsByIndex = new ArrayList<>(heads.size());
        List<Boolean> owned = new ArrayList<>(heads.size());
        for (int h : heads) {
            ancestorsByIndex.add(graph.ancestors(h, true));
            owned.add(false);
        }
        List<Integer> output = new ArrayList<>(todo.cardinality());
        int candidateIndex = 0;
        while (!heads.isEmpty()) {
            int candidate = heads.get(candidateIndex);
            int switchTo = -1;
            for (int i = 0; i < heads.size(); i++) {
                if (i != candidateIndex && ancestorsByIndex.get(i).get(candidate)) {
                    switchTo = i;
                    break;
                }
            }
            if (switchTo >= 0) {
                // Another pending head needs this candidate: walk that head down first.
                candidateIndex = switchTo;
                continue;
            }
            if (todo.get(candidate)) {
                output.add(candidate);
                todo.clear(candidate);
            }
            List<Integer> toAdd = new ArrayList<>(2);
            for (int down : graph.normalizedDown(candidate)) {
                if (todo.get(down) && !heads.contains(down)) {
                    toAdd.add(down);
                }
            }
            if (toAdd.isEmpty()) {
                heads.remove(candidateIndex);
                ancestorsByIndex.remove(candidateIndex);
                owned.remove(candidateIndex);
                candidateIndex = Math.max(candidateIndex - 1, 0);
            } else if (graph.normalizedDeps(candidate).length == 0 && graph.parents(candidate).length == 1) {
                // Plain movement down one line: drop the emitted candidate from the set instead
                // of recomputing it (copy-on-write, the cached sets are shared).
                heads.set(candidateIndex, toAdd.get(0));
                BitSet ancestors = ancestorsByIndex.get(candidateIndex);
                if (!owned.get(candidateIndex)) {
                    ancestors = (BitSet) ancestors.clone();
                    ancestorsByIndex.set(candidateIndex, ancestors);
                    owned.set(candidateIndex, true);
                }
                ancestors.clear(candidate);
            } else {
                heads.set(candidateIndex, toAdd.get(0));
                ancestorsByIndex.set(candidateIndex, graph.ancestors(toAdd.get(0), true));
                owned.set(candidateIndex, false);
                for (int i = 1; i < toAdd.size(); i++) {
                    heads.add(toAdd.get(i));
                    ancestorsByIndex.add(graph.ancestors(toAdd.get(i), true));
                    owned.add(false);
                }
            }
        }
        if (!todo.isEmpty()) {
            throw new InvalidTargetException(null, "Revisions " + String.join(", ", graph.sortedIds(todo))
                    + " cannot be ordered from the given starting points " + graph.ids(heads)
                    + "; the version table's rows may not match the migrations");
        }
        return output;
    }
}
