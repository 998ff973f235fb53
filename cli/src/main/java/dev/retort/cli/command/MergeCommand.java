package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.graph.NewRevision;
import dev.retort.graph.NewRevisionPlanner;
import dev.retort.script.RevisionIds;
import dev.retort.script.ScriptWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort merge REV... -m MSG}: a new revision that joins several heads into one. */
@Command(name = "merge",
        description = "Merge two revisions together. Creates a new migration file.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort merge heads -m \"merge billing into main\"",
                "  retort merge 4f2a9c1b7d3e 77aa01bb22cc -m \"merge\""})
public final class MergeCommand extends EngineCommand {

    @Parameters(index = "0", arity = "1..*", paramLabel = "REV",
            description = "The heads to merge: ids or prefixes, label@head, or heads for all of them.")
    private List<String> revisions;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", order = 1,
            description = "Message of the merge revision.")
    private String message;

    @Option(names = "--branch-label", paramLabel = "L", order = 2, description = "Branch label for the merge revision.")
    private String branchLabel;

    @Option(names = "--rev-id", paramLabel = "ID", order = 3,
            description = "Id for the merge revision instead of a generated one.")
    private String revId;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        if (revId != null && !RevisionIds.isValid(revId)) {
            throw usage("--rev-id '" + revId + "' is not a valid revision id: use 1 to 32 letters, digits or "
                    + "underscores, and not base, head, heads or current.");
        }
        Retort retort = workspace().retort(false, null);
        String id = revId != null ? revId : RevisionIds.generate();
        NewRevision merge = new NewRevisionPlanner(graph(retort)).merge(revisions, id, branchLabel);
        Path file = ScriptWriter.write(workspace().writableFolder(), merge, message,
                ScriptWriter.createDate(LocalDateTime.now()));
        RevisionCommand.report(this, merge, message, file, json.enabled());
        return ExitCodes.OK;
    }
}
