package dev.retort.bench;

import dev.retort.graph.Planner;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.ScriptDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Loading and planning large histories with no database: the graph built in memory and
 * planned from base to head (linear, and branched-and-merged), and the same from files.
 */
final class Planning {

    private Planning() {
    }

    static Map<String, Function<Integer, Runnable>> scenarios(Path folder) {
        Map<String, Function<Integer, Runnable>> scenarios = new LinkedHashMap<>();
        scenarios.put("in-memory graph, linear: build + plan base to head", n -> {
            List<Revision> revisions = linear(n);
            return () -> plan(revisions, n);
        });
        scenarios.put("in-memory graph, a branch and merge every 10 revisions: build + plan", n -> {
            List<Revision> revisions = branched(n);
            return () -> plan(revisions, revisions.size());
        });
        scenarios.put("files: read, parse, checksum, build graph + plan", n -> () -> {
            ScriptDirectory scripts = ScriptDirectory.load(List.of("filesystem:" + folder),
                    Planning.class.getClassLoader());
            int steps = new Planner(scripts.graph()).upgrade(List.of(), "heads").steps().size();
            if (steps != n) {
                throw new IllegalStateException("planned " + steps + " steps for " + n + " revisions");
            }
        });
        return scenarios;
    }

    private static void plan(List<Revision> revisions, int expectedSteps) {
        RevisionGraph graph = RevisionGraph.of(revisions);
        int steps = new Planner(graph).upgrade(List.of(), "heads").steps().size();
        if (steps != expectedSteps) {
            throw new IllegalStateException("planned " + steps + " steps for " + expectedSteps + " revisions");
        }
    }

    static List<Revision> linear(int n) {
        List<Revision> revisions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            revisions.add(i == 0 ? Revision.of(id(i)) : Revision.of(id(i), id(i - 1)));
        }
        return revisions;
    }

    /** Every tenth revision branches into two short lines that the next one merges. */
    static List<Revision> branched(int n) {
        List<Revision> revisions = new ArrayList<>(n);
        String previous = null;
        int i = 0;
        while (revisions.size() < n) {
            if (i % 10 == 9 && previous != null) {
                String left = id(i) + "a";
                String right = id(i) + "b";
                revisions.add(Revision.of(left, previous));
                revisions.add(Revision.of(right, previous));
                String merge = id(i) + "m";
                revisions.add(Revision.of(merge, left, right));
                previous = merge;
            } else {
                String id = id(i);
                revisions.add(previous == null ? Revision.of(id) : Revision.of(id, previous));
                previous = id;
            }
            i++;
        }
        return revisions;
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "r%011x", i);
    }
}
