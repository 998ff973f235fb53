package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The immutable graph of revisions. Built once by {@link #of(Collection)}, which validates the
 * whole set and reports every problem at once; afterwards it answers questions about heads,
 * bases, branch labels and identifiers, and {@link Planner} plans upgrades, downgrades and
 * stamps over it. Safe to share between threads.
 *
 * <p>Revisions are kept in load order: ids sorted by code point. Where Alembic's answers depend
 * on the order its files load, Retort uses this order.
 */
public final class RevisionGraph {

    private final List<Revision> revisions;
    private final Map<String, Integer> index;
    private final Map<String, Integer> labelIndex;
    private final int[][] parents;
    private final int[][] resolvedDeps;
    private final int[][] normalizedDeps;
    private final int[][] normalizedDown;
    private final int[][] children;
    private final int[][] allChildren;
    private final List<Set<String>> labels;
    /** A revision can only be an ancestor of revisions with a higher generation. */
    private final int[] generation;
    private final int[] heads;
    private final int[] realHeads;
    private final int[] bases;
    private final IdentifierResolver resolver;
    /** Ancestor sets are needed again and again while planning; computed once per revision. */
    private final Map<Integer, BitSet> ancestorsWithDeps = new ConcurrentHashMap<>();
    private final Map<Integer, BitSet> ancestorsVersioned = new ConcurrentHashMap<>();

    RevisionGraph(List<Revision> revisions, Map<String, Integer> index, Map<String, Integer> labelIndex,
                  int[][] parents, int[][] resolvedDeps, int[][] normalizedDeps, int[][] normalizedDown,
                  int[][] children, int[][] allChildren, List<Set<String>> labels, int[] generation) {
        this.revisions = revisions;
        this.index = index;
        this.labelIndex = labelIndex;
        this.parents = parents;
        this.resolvedDeps = resolvedDeps;
        this.normalizedDeps = normalizedDeps;
        this.normalizedDown = normalizedDown;
        this.children = children;
        this.allChildren = allChildren;
        this.labels = labels;
        this.generation = generation;
        this.heads = withoutEdges(children);
        this.realHeads = withoutEdges(allChildren);
        this.bases = withoutEdges(parents);
        this.resolver = new IdentifierResolver(this);
    }

    /** The indexes whose edge list is empty, ascending. */
    private static int[] withoutEdges(int[][] edges) {
        int count = 0;
        for (int[] list : edges) {
            count += list.length == 0 ? 1 : 0;
        }
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < edges.length; i++) {
            if (edges[i].length == 0) {
                result[k++] = i;
            }
        }
        return result;
    }

    /**
     * Validates the revisions and builds the graph.
     *
     * @throws GraphException (or its subclass {@link CycleException} when cycles are the only
     *                        problem) listing every problem found
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        return new GraphBuilder().build(revisions);
    }

    /** The revision with exactly this id, or null. */
    public Revision get(String id) {
        Integer i = index.get(id);
        return i == null ? null : revisions.get(i);
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    /** All revisions in load order (ids sorted by code point). */
    public List<Revision> revisions() {
        return revisions;
    }

    public int size() {
        return revisions.size();
    }

    /** Revisions that no other revision revises, in load order (Alembic's {@code heads}). */
    public List<String> heads() {
        return ids(heads);
    }

    /**
     * Heads that no other revision revises or depends on, in load order: what {@code heads}
     * as a target means.
     */
    public List<String> realHeads() {
        return ids(realHeads);
    }

    /** Heads that another revision depends on: upgrading past them is implied by a dependant. */
    public List<String> effectiveHeads() {
        List<String> result = new ArrayList<>();
        for (int h : heads) {
            if (allChildren[h].length > 0) {
                result.add(id(h));
            }
        }
        return result;
    }

    /** Revisions that revise nothing (they may still depend on others), in load order. */
    public List<String> bases() {
        return ids(bases);
    }

    /** Revisions with two or more children (by {@code revises}), each with its children. */
    public Map<String, List<String>> branchPoints() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (children[i].length > 1) {
                result.put(id(i), ids(children[i]));
            }
        }
        return result;
    }

    /** Revisions that revise two or more revisions, in load order. */
    public List<String> mergePoints() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (parents[i].length > 1) {
                result.add(id(i));
            }
        }
        return result;
    }

    /**
     * Branch labels per revision after propagation: a label spreads from the revision declaring
     * it to all its descendants and, along a single line, to its ancestors up to the previous
     * branch point or merge point. Only revisions that carry a label appear.
     */
    public Map<String, Set<String>> branchLabels() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (!labels.get(i).isEmpty()) {
                result.put(id(i), labels.get(i));
            }
        }
        return result;
    }

    /** The labels a revision carries after propagation (empty for an unknown id). */
    public Set<String> labelsOf(String id) {
        Integer i = index.get(id);
        return i == null ? Set.of() : labels.get(i);
    }

    /**
     * Revisions of a history range, newest first, as {@code retort history -r} lists them.
     *
     * @param rangeOrNull {@code null} for everything, else {@code FROM:TO} where either side
     *                    may be empty ({@code base} and {@code heads}) and each side is any
     *                    identifier ({@code ae10:}, {@code :label@head}, {@code -2:})
     */
    public List<String> history(String rangeOrNull) {
        return ids(new HistoryQuery(this).history(rangeOrNull));
    }

    /**
     * All revisions an identifier names, as {@code retort show} lists them: {@code heads} gives
     * every head, {@code base} nothing, {@code -1} the revision below each head.
     */
    public List<String> resolve(String identifier) {
        return resolver.showIds(identifier);
    }

    /**
     * The single revision an identifier names.
     *
     * @return the id, or null for {@code base} (or {@code head} of an empty graph)
     * @throws MultipleHeadsException when it names several heads
     * @throws ResolutionException    for an unknown id, an ambiguous prefix or a revision not on
     *                                the named branch
     */
    public String resolveOne(String identifier) {
        int i = resolver.getRevision(identifier);
        return i < 0 ? null : id(i);
    }

    /**
     * The revisions the database is effectively at, given the version table's rows: the rows
     * plus everything they imply through {@code depends-on}, reduced to the tips (what
     * {@code retort current} shows). Sorted.
     */
    public List<String> current(Collection<String> rows) {
        return sortedIds(resolver.allCurrent(List.copyOf(rows)));
    }

    /**
     * Whether {@code ancestor} is below {@code descendant} (or the same revision), through
     * revises and depends-on. Both must be exact ids.
     */
    public boolean isAncestor(String ancestor, String descendant) {
        int a = require(ancestor);
        int d = require(descendant);
        return ancestors(d, true).get(a);
    }

    private int require(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw resolver.unknown(id);
        }
        return i;
    }

    // ---- package-private structure for the resolver and the planners ----

    IdentifierResolver resolver() {
        return resolver;
    }

    String id(int i) {
        return revisions.get(i).id();
    }

    List<String> ids(int[] is) {
        List<String> result = new ArrayList<>(is.length);
        for (int i : is) {
            result.add(id(i));
        }
        return result;
    }

    List<String> ids(Collection<Integer> is) {
        List<String> result = new ArrayList<>(is.size());
        for (int i : is) {
            result.add(id(i));
        }
        return result;
    }

    List<String> sortedIds(BitSet set) {
        List<String> result = new ArrayList<>(set.cardinality());
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            result.add(id(i));
        }
        return result;
    }

    /** Index of an exact id, or -1. */
    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** Index of the revision declaring a label, or -1. */
    int labelOwner(String label) {
        Integer i = labelIndex.get(label);
        return i == null ? -1 : i;
    }

    Set<String> labelNames() {
        return labelIndex.keySet();
    }

    Set<String> idNames() {
        return index.keySet();
    }

    Set<String> labels(int i) {
        return labels.get(i);
    }

    int[] parents(int i) {
        return parents[i];
    }

    int[] resolvedDeps(int i) {
        return resolvedDeps[i];
    }

    int[] normalizedDeps(int i) {
        return normalizedDeps[i];
    }

    /** Parents followed by the dependencies no ancestor already declares (Alembic's normalised down revisions). */
    int[] normalizedDown(int i) {
        return normalizedDown[i];
    }

    int[] children(int i) {
        return children[i];
    }

    int[] allChildren(int i) {
        return allChildren[i];
    }

    int[] headIndexes() {
        return heads;
    }

    int[] realHeadIndexes() {
        return realHeads;
    }

    int[] baseIndexes() {
        return bases;
    }

    /** The revision and all its ancestors; shared, never modify. */
    BitSet ancestors(int node, boolean withDependencies) {
        Map<Integer, BitSet> cache = withDependencies ? ancestorsWithDeps : ancestorsVersioned;
        BitSet cached = cache.get(node);
        if (cached == null) {
            cached = closure(new int[] {node}, withDependencies, true);
            cache.put(node, cached);
        }
        return cached;
    }

    /** The revisions and all their ancestors (a fresh set). */
    BitSet ancestors(Collection<Integer> nodes, boolean withDependencies) {
        BitSet result = new BitSet(size());
        for (int n : nodes) {
            result.or(ancestors(n, withDependencies));
        }
        return result;
    }

    /** The revisions and all their descendants (a fresh set). */
    BitSet descendants(Collection<Integer> nodes, boolean withDependencies) {
        return closure(nodes.stream().mapToInt(Integer::intValue).toArray(), withDependencies, false);
    }

    /** Whether a and b are on one line of history (one is an ancestor of the other). */
    boolean sharesLineage(int a, int b, boolean withDependencies) {
        return reaches(b, a, withDependencies) || reaches(a, b, withDependencies);
    }

    /**
     * Whether {@code ancestor} is {@code descendant} or below it. Searches down from the
     * descendant but never below the ancestor's generation, so the cost is bounded by the
     * distance between the two rather than by the size of the graph.
     */
    boolean reaches(int ancestor, int descendant, boolean withDependencies) {
        if (ancestor == descendant) {
            return true;
        }
        if (generation[ancestor] >= generation[descendant]) {
            return false;
        }
        Map<Integer, BitSet> cache = withDependencies ? ancestorsWithDeps : ancestorsVersioned;
        BitSet cached = cache.get(descendant);
        if (cached != null) {
            return cached.get(ancestor);
        }
        int floor = generation[ancestor];
        BitSet seen = new BitSet();
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = descendant;
        while (top > 0) {
            int at = stack[--top];
            for (int next : withDependencies ? normalizedDown[at] : parents[at]) {
                if (next == ancestor) {
                    return true;
                }
                if (generation[next] > floor && !seen.get(next)) {
                    seen.set(next);
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = next;
                }
            }
        }
        return false;
    }

    private BitSet closure(int[] starts, boolean withDependencies, boolean down) {
        BitSet seen = new BitSet(size());
        int[] stack = new int[Math.max(16, starts.length)];
        int top = 0;
        for (int s : starts) {
            if (!seen.get(s)) {
                seen.set(s);
                stack[top++] = s;
            }
        }
        while (top > 0) {
            int at = stack[--top];
            int[] next = down
                    ? (withDependencies ? normalizedDown[at] : parents[at])
                    : (withDependencies ? allChildren[at] : children[at]);
            for (int x : next) {
                if (!seen.get(x)) {
                    seen.set(x);
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = x;
                }
            }
        }
        return seen;
    }

    @Override
    public String toString() {
        return "RevisionGraph[" + revisions.size() + " revisions, heads " + heads() + "]";
    }
}
