package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code retort show REV}: one revision's details (several for {@code heads}). */
@Command(name = "show",
        description = "Show the revision(s) denoted by the given symbol.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n")
public final class ShowCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "REV",
            description = "Revision: an id or unique prefix, head, heads, label@head, id-N, ...")
    private String revision;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(false, null);
        List<RevisionView> selected = select(views(retort), graph(retort).resolve(revision));
        if (json.enabled()) {
            printJson(new JsonShapes.ShowJson(selected));
            return ExitCodes.OK;
        }
        for (RevisionView view : selected) {
            out().println(AlembicText.logEntry(view, false));
        }
        return ExitCodes.OK;
    }
}
