package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.JsonShapes;
import dev.retort.graph.NewRevision;
import dev.retort.graph.NewRevisionPlanner;
import dev.retort.script.RevisionIds;
import dev.retort.script.ScriptWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code retort revision -m MSG}: write a new, empty migration file on top of the head (or
 * {@code --head}), into the first migrations folder.
 */
@Command(name = "revision",
        description = "Create a new revision file.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort revision -m \"create account table\"",
                "  retort revision -m \"add index\" --head billing@head      # on a branch",
                "  retort revision -m \"start billing\" --head base --branch-label billing",
                "  retort revision -m \"fix\" --head 9c0d1e2f3a4b --splice   # a new branch from a revision"})
public final class RevisionCommand extends EngineCommand {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", order = 1,
            description = "Message of the revision; also names the file (<id>_<slug>.sql).")
    private String message;

    @Option(names = "--head", paramLabel = "H", order = 2,
            description = "Revision to build on: head (default; refused when there are several heads), "
                    + "base for a new root, label@head, or an id.")
    private String head;

    @Option(names = "--splice", order = 3,
            description = "Allow --head to be a revision that is not a head (starts a new branch there).")
    private boolean splice;

    @Option(names = "--branch-label", paramLabel = "L", order = 4,
            description = "Branch label for the new revision.")
    private String branchLabel;

    @Option(names = "--depends-on", paramLabel = "R", split = ",", order = 5,
            description = "Revision(s) or label(s) the new revision depends on; repeat or separate with commas.")
    private List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", order = 6,
            description = "Id for the new revision instead of a generated one ([A-Za-z0-9_]{1,32}).")
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
        NewRevision revision = new NewRevisionPlanner(graph(retort)).revision(id, head, splice, branchLabel, dependsOn);
        Path folder = workspace().writableFolder();
        Path file = ScriptWriter.write(folder, revision, message, ScriptWriter.createDate(LocalDateTime.now()));
        report(this, revision, message, file, json.enabled());
        return ExitCodes.OK;
    }

    /** Alembic's {@code Generating /path/file ...  done}, or the JSON document. */
    static void report(EngineCommand command, NewRevision revision, String message, Path file, boolean json) {
        if (json) {
            command.printJson(new JsonShapes.NewRevisionJson(revision.id(), revision.revises(), revision.dependsOn(),
                    revision.branchLabels(), message == null ? "" : message.strip(), file.toString()));
        } else {
            command.out().println("Generating " + file + " ...  done");
        }
    }
}
