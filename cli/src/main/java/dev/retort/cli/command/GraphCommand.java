package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.GraphRenderer;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort graph [--format text|mermaid|dot] [--json]}: draw the revision graph, or print it as JSON. */
@Command(name = "graph",
        description = "Draw the revision graph, with the database's current revisions marked.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort graph                          # a tree in the terminal",
                "  retort graph --format mermaid > docs/migrations.mmd",
                "  retort graph --format dot | dot -Tsvg > migrations.svg",
                "  retort graph --json                   # revisions, edges, heads and bases as data",
                "Current revisions are marked when a database URL is configured."})
public final class GraphCommand extends EngineCommand {

    @Option(names = "--format", paramLabel = "FORMAT", order = 1, defaultValue = "text",
            description = "text, mermaid or dot (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        // --format has a default, so only the parse result tells a given one from none.
        if (json.enabled() && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw usage("--json and --format exclude each other: --json prints the graph as data, --format draws it "
                    + "(text, mermaid or dot); give one of them.");
        }
        GraphRenderer.Format chosen;
        try {
            chosen = GraphRenderer.format(format);
        } catch (IllegalArgumentException e) {
            throw usage("Unknown --format '" + format + "'; use text, mermaid or dot.");
        }
        boolean online = workspace().hasDatabase();
        Retort retort = workspace().retort(online, null);
        RevisionGraph graph = graph(retort);
        List<String> current = online
                ? graph.current(retort.status().current().stream().filter(graph::contains).toList())
                : List.of();
        Map<String, RevisionView> views = views(retort);
        if (json.enabled()) {
            printJson(new JsonShapes.GraphJson(select(views, oldestFirst(graph, views)), graph.heads(), graph.bases(),
                    online ? current : null));
            return ExitCodes.OK;
        }
        out().print(new GraphRenderer(views, current).render(chosen));
        return ExitCodes.OK;
    }

    /**
     * Every revision, each after the ones it revises: the history walk (newest first) reversed,
     * so that a reader can build the graph in one pass.
     */
    private static List<String> oldestFirst(RevisionGraph graph, Map<String, RevisionView> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        List<String> newestFirst = graph.history(null);
        Set<String> order = new LinkedHashSet<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            order.add(newestFirst.get(i));
        }
        // The walk covers base to heads, which is everything; anything it ever missed still
        // belongs in the document rather than silently vanishing.
        order.addAll(views.keySet());
        return new ArrayList<>(order);
    }
}
