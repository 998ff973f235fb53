package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Status;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.RevisionGraph;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort current [-v]}: the revisions the database is at. */
@Command(name = "current",
        description = "Display the current revision for a database.",
        optionListHeading = "%nOptions:%n")
public final class CurrentCommand extends EngineCommand {

    @Option(names = "-v", order = 1, description = "Use more verbose output.")
    private boolean detailed;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(true, null);
        Status status = retort.status();
        RevisionGraph graph = graph(retort);
        List<String> current = graph.current(status.current().stream().filter(graph::contains).toList());
        Map<String, RevisionView> views = views(retort);
        if (json.enabled()) {
            printJson(new JsonShapes.CurrentJson(status.database(), status.schema(), status.versionTable(), current,
                    status.upToDate(), select(views, current), status.unknownRevisions()));
            return ExitCodes.OK;
        }
        boolean more = detailed || verbose();
        if (more) {
            out().println("Current revision(s) for " + workspace().settings().maskedUrl() + " (" + status.database()
                    + ", schema " + status.schema() + ", table " + status.versionTable() + "):");
        }
        for (RevisionView view : select(views, current)) {
            out().println(more ? AlembicText.logEntry(view, false) : AlembicText.line(view, false, true, false, false, false));
        }
        for (String unknown : status.unknownRevisions()) {
            out().println(unknown + " (unknown: no migration file declares it; a newer build may have applied it)");
        }
        return ExitCodes.OK;
    }
}
