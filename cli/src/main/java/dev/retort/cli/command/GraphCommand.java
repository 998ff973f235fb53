package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.GraphRenderer;
import dev.retort.graph.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort graph [--format text|mermaid|dot]}: draw the revision graph. */
@Command(name = "graph",
        description = "Draw the revision graph, with the database's current revisions marked.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort graph                          # a tree in the terminal",
                "  retort graph --format mermaid > docs/migrations.mmd",
                "  retort graph --format dot | dot -Tsvg > migrations.svg",
                "Current revisions are marked when a database URL is configured."})
public final class GraphCommand extends EngineCommand {

    @Option(names = "--format", paramLabel = "FORMAT", order = 1, defaultValue = "text",
            description = "text, mermaid or dot (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    protected int run() {
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
        out().print(new GraphRenderer(views(retort), current).render(chosen));
        return ExitCodes.OK;
    }
}
