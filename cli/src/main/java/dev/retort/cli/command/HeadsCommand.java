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

/** {@code retort heads [-v]}: the head revisions of the migration files (no database). */
@Command(name = "heads",
        description = "Show current available heads in the migrations folder.",
        optionListHeading = "%nOptions:%n")
public final class HeadsCommand extends EngineCommand {

    @Option(names = "-v", order = 1, description = "Use more verbose output.")
    private boolean detailed;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(false, null);
        Map<String, RevisionView> views = views(retort);
        List<String> heads = graph(retort).heads();
        List<RevisionView> selected = select(views, heads);
        if (json.enabled()) {
            printJson(new JsonShapes.HeadsJson(heads, selected));
            return ExitCodes.OK;
        }
        for (RevisionView head : selected) {
            out().println(detailed || verbose()
                    ? AlembicText.logEntry(head, false)
                    : AlembicText.line(head, false, true, false, false, false));
        }
        return ExitCodes.OK;
    }
}
