package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort branches}: the branch points and where they lead (no database). */
@Command(name = "branches",
        description = "Show current branch points.",
        optionListHeading = "%nOptions:%n")
public final class BranchesCommand extends EngineCommand {

    @Option(names = "-v", order = 1, description = "Use more verbose output.")
    private boolean detailed;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(false, null);
        Map<String, RevisionView> views = views(retort);
        Map<String, List<String>> branchPoints = graph(retort).branchPoints();
        List<RevisionView> points = select(views, branchPoints.keySet());
        if (json.enabled()) {
            printJson(new JsonShapes.BranchesJson(points));
            return ExitCodes.OK;
        }
        boolean more = detailed || verbose();
        for (RevisionView point : points) {
            // Alembic's layout: the branch point, then one "-> child" line per branch, indented
            // by the width of the id.
            out().println(more ? AlembicText.logEntry(point, false) : AlembicText.line(point, false, true, false, true, false));
            String indent = " ".repeat(point.revision().length());
            for (RevisionView child : select(views, branchPoints.get(point.revision()))) {
                out().println(indent + " -> " + AlembicText.line(child, false, true, more, true, false));
            }
            out().println();
        }
        return ExitCodes.OK;
    }
}
