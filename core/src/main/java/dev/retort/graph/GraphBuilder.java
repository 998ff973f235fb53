package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates a set of revisions and computes the structure {@link RevisionGraph} keeps: parents,
 * children, resolved and normalised {@code depends-on}, heads, bases and propagated branch
 * labels. Every problem is collected before failing, so an author sees them all at once.
 */
final class GraphBuilder {

    static final Set<String> RESERVED = Set.of("base", "head", "heads", "current");
    private static final int[] NONE = new int[0];

    private final List<GraphProblem> problems = new ArrayList<>();
    private List<Revision> revisions;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private int[][] parents;
    private int[][] resolvedDeps;
    /** The first cycle found, as a path that starts and ends at the same revision. */
    private List<String> cyclePath = List.of();

    RevisionGraph build(Collection<Revision> input) {
        List<Revision> sorted = new ArrayList<>(input);
        // Load order: ids in code point order (what Alembic does with files named <id>_<slug>).
        sorted.sort((a, b) -> compareCodePoints(a.id(), b.id()));
        revisions = new ArrayList<>(sorted.size());
        for (Revision r : sorted) {
            checkId(r);
            if (index.containsKey(r.id())) {
                problems.add(new GraphProblem(r.id(), "revision", "Revision id " + r.id()
                        + " is used by two revisions; give one of them a new id", GraphProblem.Kind.DUPLICATE_ID));
                continue;
            }
            index.put(r.id(), revisions.size());
            revisions.add(r);
        }
        int n = revisions.size();
        for (Revision r : revisions) {
            checkLabels(r);
        }
        parents = new int[n][];
        resolvedDeps = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = resolveParents(revisions.get(i));
            resolvedDeps[i] = resolveDependencies(revisions.get(i));
        }
        findCycle(false);
        if (problems.stream().noneMatch(p -> p.kind() == GraphProblem.Kind.CYCLE)) {
            findCycle(true);
        }
        if (!problems.isEmpty()) {
            throw failure();
        }
        return assemble();
    }

    private GraphException failure() {
        List<GraphProblem> cycles = problems.stream()
                .filter(p -> p.kind() == GraphProblem.Kind.CYCLE || p.kind() == GraphProblem.Kind.DEPENDENCY_CYCLE)
                .toList();
        if (cycles.size() == problems.size()) {
            return new CycleException(cyclePath, cycles.get(0).kind() == GraphProblem.Kind.DEPENDENCY_CYCLE, problems);
        }
        return new GraphException(problems);
    }

    private void checkId(Revision r) {
        String id = r.id();
        if (RESERVED.contains(id)) {
            problems.add(new GraphProblem(id, "revision", "Revision id '" + id + "' is a reserved word (base, head,"
                    + " heads and current name positions in the graph); choose another id", GraphProblem.Kind.RESERVED_NAME));
        } else if (!Revision.isValidId(id)) {
            problems.add(new GraphProblem(id, "revision", "Revision id '" + id + "' is not valid: "
                    + whatIsWrong(id) + "; ids are 1 to 32 letters, digits or '_'", GraphProblem.Kind.INVALID_ID));
        }
    }

    private static String whatIsWrong(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.length() > 32) {
            return "it has " + name.length() + " characters";
        }
        Set<String> bad = new TreeSet<>();
        name.codePoints().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_')))
                .forEach(c -> bad.add(new String(Character.toChars(c))));
        return "it contains " + String.join(" ", bad.stream().map(c -> "'" + c + "'").toList());
    }

    private void checkLabels(Revision r) {
        for (String label : r.branchLabels()) {
            if (RESERVED.contains(label)) {
                problems.add(new GraphProblem(r.id(), "branch-labels", "Revision " + r.id() + " declares branch label '"
                        + label + "', a reserved word; choose another label", GraphProblem.Kind.RESERVED_NAME));
            } else if (!Revision.isValidId(label)) {
                problems.add(new GraphProblem(r.id(), "branch-labels", "Revision " + r.id() + " declares branch label '"
                        + label + "', which is not valid: " + whatIsWrong(label)
                        + "; labels are 1 to 32 letters, digits or '_'", GraphProblem.Kind.INVALID_LABEL));
            } else if (index.containsKey(label)) {
                problems.add(new GraphProblem(r.id(), "branch-labels", "Branch label '" + label + "' on revision " + r.id()
                        + " is also the id of revision " + label + "; a label must differ from every revision id",
                        GraphProblem.Kind.LABEL_CONFLICT));
            } else if (labelIndex.containsKey(label)) {
                String owner = revisions.get(labelIndex.get(label)).id();
                problems.add(new GraphProblem(r.id(), "branch-labels", "Branch label '" + label + "' on revision " + r.id()
                        + " is already declared by revision " + owner + "; a label may be declared only once"
                        + (owner.equals(r.id()) ? "" : " (it spreads to the whole branch by itself)"),
                        GraphProblem.Kind.LABEL_CONFLICT));
            } else {
                labelIndex.put(label, index.get(r.id()));
            }
        }
    }

    private int[] resolveParents(Revision r) {
        if (r.revises().isEmpty()) {
            return NONE;
        }
        // Arrays rather than a set and a stream: this runs for every revision at each start.
        int[] result = new int[r.revises().size()];
        int count = 0;
        for (String parent : r.revises()) {
            Integer p = index.get(parent);
            if (parent.equals(r.id())) {
                problems.add(new GraphProblem(r.id(), "revises", "Revision " + r.id() + " revises itself; it must revise"
                        + " an earlier revision, or base", GraphProblem.Kind.SELF_LOOP));
            } else if (p != null) {
                if (contains(result, count, p)) {
                    problems.add(new GraphProblem(r.id(), "revises", "Revision " + r.id() + " lists " + parent
                            + " twice in revises; list it once", GraphProblem.Kind.DUPLICATE_REVISES));
                } else {
                    result[count++] = p;
                }
            } else if (labelIndex.containsKey(parent)) {
                problems.add(new GraphProblem(r.id(), "revises", "Revision " + r.id() + " revises '" + parent
                        + "', which is a branch label, not a revision id; write the id of the revision it follows ("
                        + revisions.get(labelIndex.get(parent)).id() + " declares that label)",
                        GraphProblem.Kind.LABEL_AS_REVISES));
            } else {
                problems.add(new GraphProblem(r.id(), "revises", "Revision " + r.id() + " revises " + parent
                        + ", which does not exist" + suggestion(parent, index.keySet())
                        + "; fix the revises header or add the missing migration", GraphProblem.Kind.MISSING_REVISES));
            }
        }
        return count == result.length ? result : java.util.Arrays.copyOf(result, count);
    }

    private int[] resolveDependencies(Revision r) {
        if (r.dependsOn().isEmpty()) {
            return NONE;
        }
        int[] result = new int[r.dependsOn().size()];
        int count = 0;
        int self = index.get(r.id());
        for (String dependency : r.dependsOn()) {
            Integer d = index.containsKey(dependency) ? index.get(dependency) : labelIndex.get(dependency);
            if (d == null) {
                Set<String> known = new LinkedHashSet<>(index.keySet());
                known.addAll(labelIndex.keySet());
                problems.add(new GraphProblem(r.id(), "depends-on", "Revision " + r.id() + " depends on " + dependency
                        + ", which is neither a revision id nor a branch label" + suggestion(dependency, known)
                        + "; fix the depends-on header", GraphProblem.Kind.MISSING_DEPENDS_ON));
            } else if (d == self) {
                problems.add(new GraphProblem(r.id(), "depends-on", "Revision " + r.id() + " depends on itself"
                        + (dependency.equals(r.id()) ? "" : " (through its label '" + dependency + "')")
                        + "; remove that entry", GraphProblem.Kind.DEPENDENCY_SELF_LOOP));
            } else if (!contains(result, count, d)) {
                result[count++] = d;
            }
        }
        return count == result.length ? result : java.util.Arrays.copyOf(result, count);
    }

    private static String suggestion(String typed, Collection<String> names) {
        List<String> near = Nearest.to(typed, names, 3);
        return near.isEmpty() ? "" : " (did you mean " + Nearest.list(near) + "?)";
    }

    /**
     * Depth-first search for a back edge along revises (and depends-on when asked); reports the
     * first cycle as a path so the author sees which headers to change.
     */
    private void findCycle(boolean withDependencies) {
        int n = revisions.size();
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] via = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>(); // {node, next edge position}
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                int node = top[0];
                int[] edges = edges(node, withDependencies);
                if (top[1] < edges.length) {
                    int next = edges[top[1]++];
                    if (state[next] == 0) {
                        state[next] = 1;
                        via[next] = node;
                        stack.push(new int[] {next, 0});
                    } else if (state[next] == 1) {
                        reportCycle(node, next, via, withDependencies);
                        return;
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }

    private int[] edges(int node, boolean withDependencies) {
        if (!withDependencies || resolvedDeps[node].length == 0) {
            return parents[node];
        }
        int[] all = new int[parents[node].length + resolvedDeps[node].length];
        System.arraycopy(parents[node], 0, all, 0, parents[node].length);
        System.arraycopy(resolvedDeps[node], 0, all, parents[node].length, resolvedDeps[node].length);
        return all;
    }

    private void reportCycle(int from, int to, int[] via, boolean withDependencies) {
        List<Integer> nodes = new ArrayList<>();
        for (int at = from; at != to; at = via[at]) {
            nodes.add(0, at);
        }
        nodes.add(0, to);
        nodes.add(to);
        List<String> path = nodes.stream().map(i -> revisions.get(i).id()).toList();
        StringBuilder text = new StringBuilder();
        boolean throughDependency = false;
        for (int i = 0; i + 1 < nodes.size(); i++) {
            int a = nodes.get(i);
            int b = nodes.get(i + 1);
            boolean isParent = contains(parents[a], b);
            throughDependency |= !isParent;
            text.append(i == 0 ? path.get(0) : ", which").append(isParent ? " revises " : " depends on ").append(path.get(i + 1));
        }
        cyclePath = path;
        String kind = throughDependency ? "a cycle through depends-on" : "a cycle";
        problems.add(new GraphProblem(path.get(0), throughDependency ? "depends-on" : "revises",
                "Revisions " + String.join(", ", new TreeSet<>(path)) + " form " + kind + ": " + text
                        + "; one of these headers must name an earlier revision (or base) instead",
                withDependencies && throughDependency ? GraphProblem.Kind.DEPENDENCY_CYCLE : GraphProblem.Kind.CYCLE));
    }

    private static boolean contains(int[] array, int value) {
        return contains(array, array.length, value);
    }

    /** Whether {@code value} is among the first {@code count} entries of {@code array}. */
    private static boolean contains(int[] array, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (array[i] == value) {
                return true;
            }
        }
        return false;
    }

    private RevisionGraph assemble() {
        int n = revisions.size();
        List<List<Integer>> children = new ArrayList<>(n);
        List<List<Integer>> allChildren = new ArrayList<>(n);
        int[] dependents = new int[n];
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>(2));
            allChildren.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                children.get(p).add(i);
                allChildren.get(p).add(i);
            }
            for (int d : resolvedDeps[i]) {
                dependents[d]++;
                if (!contains(parents[i], d)) {
                    allChildren.get(d).add(i);
                }
            }
        }
        int[][] childArray = toArrays(children);
        int[][] allChildArray = toArrays(allChildren);
        int[][] normalizedDeps = normalizeDependencies(dependents);
        int[][] normalizedDown = new int[n][];
        for (int i = 0; i < n; i++) {
            if (normalizedDeps[i].length == 0) {
                normalizedDown[i] = parents[i];
            } else {
                LinkedHashSet<Integer> all = new LinkedHashSet<>();
                for (int p : parents[i]) {
                    all.add(p);
                }
                for (int d : normalizedDeps[i]) {
                    all.add(d);
                }
                normalizedDown[i] = all.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        int[] generation = new int[n];
        int[] topological = topologicalOrder(allChildArray, generation);
        List<Set<String>> labels = propagateLabels(childArray, allChildArray, topological);
        return new RevisionGraph(List.copyOf(revisions), Map.copyOf(index), Map.copyOf(labelIndex), parents, resolvedDeps,
                normalizedDeps, normalizedDown, childArray, allChildArray, labels, generation);
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] result = new int[lists.size()][];
        for (int i = 0; i < result.length; i++) {
            List<Integer> list = lists.get(i);
            if (list.isEmpty()) {
                result[i] = NONE;
                continue;
            }
            int[] array = new int[list.size()];
            for (int k = 0; k < array.length; k++) {
                array[k] = list.get(k);
            }
            java.util.Arrays.sort(array);
            result[i] = array;
        }
        return result;
    }

    /**
     * A revision's dependencies minus those already declared by one of its ancestors (Alembic's
     * {@code _normalize_depends_on}). Only a dependency declared by two or more revisions can be
     * dropped, so the ancestor walk is skipped for the rest: this keeps large graphs linear.
     */
    private int[][] normalizeDependencies(int[] dependents) {
        int n = revisions.size();
        int[][] result = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] deps = resolvedDeps[i];
            if (deps.length == 0) {
                result[i] = NONE;
                continue;
            }
            boolean shared = false;
            for (int d : deps) {
                shared |= dependents[d] > 1;
            }
            BitSet declaredBelow = shared ? dependenciesDeclaredBelow(i) : new BitSet();
            result[i] = inAlembicOrder(java.util.Arrays.stream(deps).filter(d -> !declaredBelow.get(d)).toArray());
        }
        return result;
    }

    /** Dependencies declared by any ancestor (through revises) of revision i. */
    private BitSet dependenciesDeclaredBelow(int i) {
        int n = revisions.size();
        BitSet declaredBelow = new BitSet(n);
        BitSet seen = new BitSet(n);
        Deque<Integer> todo = new ArrayDeque<>();
        for (int p : parents[i]) {
            todo.push(p);
        }
        while (!todo.isEmpty()) {
            int at = todo.pop();
            if (seen.get(at)) {
                continue;
            }
            seen.set(at);
            for (int d : resolvedDeps[at]) {
                declaredBelow.set(d);
            }
            for (int p : parents[at]) {
                todo.push(p);
            }
        }
        return declaredBelow;
    }

    /** Several remaining dependencies are walked in the order Alembic's set yields them. */
    private int[] inAlembicOrder(int[] deps) {
        if (deps.length < 2) {
            return deps;
        }
        List<String> ids = new ArrayList<>(deps.length);
        for (int d : deps) {
            ids.add(revisions.get(d).id());
        }
        return PythonSetOrder.order(ids).stream().mapToInt(index::get).toArray();
    }

    /**
     * Alembic's label propagation: a label spreads to every descendant of the revision that
     * declares it and, when those descendants form a single line, down through its ancestors
     * until the previous branch point or merge point. Descendant sets are computed in one pass
     * in topological order and shared between revisions on one line, so many labels on a large
     * graph stay cheap.
     */
    private List<Set<String>> propagateLabels(int[][] children, int[][] allChildren, int[] topological) {
        int n = revisions.size();
        List<Set<String>> down = new ArrayList<>(java.util.Collections.nCopies(n, Set.of()));
        for (int i : topological) {
            List<String> declared = revisions.get(i).branchLabels();
            Set<String> inherited = Set.of();
            for (int p : parents[i]) {
                Set<String> fromParent = down.get(p);
                if (fromParent.isEmpty() || fromParent == inherited) {
                    continue;
                }
                if (inherited.isEmpty()) {
                    inherited = fromParent;
                } else {
                    Set<String> union = new TreeSet<>(inherited);
                    union.addAll(fromParent);
                    inherited = java.util.Collections.unmodifiableSet(union);
                }
            }
            if (!declared.isEmpty()) {
                Set<String> own = new TreeSet<>(inherited);
                own.addAll(declared);
                inherited = java.util.Collections.unmodifiableSet(own);
            }
            down.set(i, inherited);
        }
        java.util.Map<Integer, Set<String>> extra = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> declared = revisions.get(i).branchLabels();
            if (declared.isEmpty()) {
                continue;
            }
            // The walk starts from the last revision Alembic's depth-first search over the
            // descendants visits; only when the descendants are one line does it get back to
            // this revision and below it.
            int tail = i;
            while (children[tail].length == 1) {
                tail = children[tail][0];
            }
            if (children[tail].length > 1) {
                continue;
            }
            int at = tail;
            while (allChildren[at].length <= 1 && parents[at].length <= 1) {
                if (!down.get(at).containsAll(declared)) {
                    extra.computeIfAbsent(at, k -> new TreeSet<>()).addAll(declared);
                }
                if (parents[at].length == 0) {
                    break;
                }
                at = parents[at][0];
            }
        }
        for (java.util.Map.Entry<Integer, Set<String>> e : extra.entrySet()) {
            Set<String> all = new TreeSet<>(down.get(e.getKey()));
            all.addAll(e.getValue());
            down.set(e.getKey(), java.util.Collections.unmodifiableSet(all));
        }
        return down;
    }

    /**
     * Parents (and dependencies) before children; ties in load order. Also fills
     * {@code generation}: one more than the highest generation below, so that a revision can
     * only be an ancestor of revisions with a higher generation.
     */
    private int[] topologicalOrder(int[][] allChildren, int[] generation) {
        int n = revisions.size();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = parents[i].length + resolvedDeps[i].length;
            for (int d : resolvedDeps[i]) {
                if (contains(parents[i], d)) {
                    pending[i]--;
                }
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int at = order[head++];
            for (int c : allChildren[at]) {
                generation[c] = Math.max(generation[c], generation[at] + 1);
                if (--pending[c] == 0) {
                    order[tail++] = c;
                }
            }
        }
        return order;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
