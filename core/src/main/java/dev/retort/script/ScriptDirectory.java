package dev.retort.script;

import dev.retort.graph.GraphException;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.Planner;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The migration files of some locations and the revision graph they declare.
 *
 * <p>{@link #load} reports every problem at once in one {@link ScriptLoadException}: the
 * problems inside files (header, sections, SQL) and the problems between files (unknown
 * {@code revises} / {@code depends-on}, cycles, label clashes) that {@link RevisionGraph#of}
 * finds, each mapped back to the file and the header line of the field concerned.
 */
public final class ScriptDirectory {

    /** How many known revisions an "unknown revision" problem lists before it stops. */
    private static final int KNOWN_LISTED = 10;

    private final List<String> locations;
    private final RevisionGraph graph;
    private final Map<String, MigrationScript> scripts;

    private ScriptDirectory(List<String> locations, RevisionGraph graph, Map<String, MigrationScript> scripts) {
        this.locations = List.copyOf(locations);
        this.graph = graph;
        this.scripts = scripts;
    }

    /**
     * Loads every script under {@code locations} and builds their graph.
     *
     * @param classLoader for {@code classpath:} locations; null for the thread's context class loader
     * @throws ScriptLoadException listing every problem in and between the files
     */
    public static ScriptDirectory load(List<String> locations, ClassLoader classLoader) {
        ScriptLoader.Loaded loaded = new ScriptLoader(classLoader).loadAll(locations);
        List<ScriptProblem> problems = new ArrayList<>(loaded.problems());
        Map<String, ScriptLoader.LoadedScript> byId = new LinkedHashMap<>();
        List<Revision> revisions = new ArrayList<>();
        for (ScriptLoader.LoadedScript script : loaded.scripts()) {
            byId.put(script.script().revision(), script);
            revisions.add(script.script().toRevision());
        }
        // Files that failed to parse still take part under their id, so that the files that
        // revise them do not report an unknown revision on top of the real problem.
        loaded.brokenRevisions().forEach(id -> revisions.add(Revision.of(id)));
        RevisionGraph graph = null;
        try {
            graph = RevisionGraph.of(revisions);
        } catch (GraphException e) {
            List<ScriptProblem> graphProblems = new ArrayList<>();
            for (GraphProblem problem : e.problems()) {
                graphProblems.add(locate(problem, byId, locations, revisions));
            }
            graphProblems.sort(Comparator.comparing(ScriptProblem::location).thenComparingInt(ScriptProblem::line));
            problems.addAll(graphProblems);
        }
        if (!problems.isEmpty()) {
            throw new ScriptLoadException(problems);
        }
        Map<String, MigrationScript> scripts = new LinkedHashMap<>();
        for (Revision revision : graph.revisions()) {
            scripts.put(revision.id(), byId.get(revision.id()).script());
        }
        return new ScriptDirectory(locations, graph, scripts);
    }

    /** Points a graph problem at the file and header line of the field it concerns. */
    private static ScriptProblem locate(GraphProblem problem, Map<String, ScriptLoader.LoadedScript> byId,
                                        List<String> locations, List<Revision> revisions) {
        String message = sentence(problem.message());
        if (problem.kind() == GraphProblem.Kind.MISSING_REVISES || problem.kind() == GraphProblem.Kind.MISSING_DEPENDS_ON) {
            message = message + " Known revisions: " + known(revisions) + ".";
        }
        ScriptLoader.LoadedScript script = problem.revision() == null ? null : byId.get(problem.revision());
        if (script == null) {
            return new ScriptProblem(String.join(", ", locations), 0, message);
        }
        Map<String, Integer> lines = script.keyLines();
        int line = lines.getOrDefault(problem.field(), lines.getOrDefault("revision", 1));
        return new ScriptProblem(script.script().location(), line, message);
    }

    private static String known(List<Revision> revisions) {
        TreeSet<String> ids = new TreeSet<>();
        revisions.forEach(r -> ids.add(r.id()));
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> listed = ids.stream().limit(KNOWN_LISTED).toList();
        return String.join(", ", listed) + (ids.size() > KNOWN_LISTED ? " and " + (ids.size() - KNOWN_LISTED)
                + " more (see 'retort history')" : "");
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }

    /** The locations this directory was loaded from, as given. */
    public List<String> locations() {
        return locations;
    }

    /** The revision graph the files declare. */
    public RevisionGraph graph() {
        return graph;
    }

    /** A planner over {@link #graph()}. */
    public Planner planner() {
        return new Planner(graph);
    }

    /** Every script, in the graph's order (revision ids in code point order). */
    public List<MigrationScript> scripts() {
        return List.copyOf(scripts.values());
    }

    /** The script of revision {@code id} (the exact id), or null when there is none. */
    public MigrationScript script(String id) {
        return scripts.get(id);
    }
}
