package dev.retort.cli.command;

import dev.retort.ChecksumMismatch;
import dev.retort.PendingRevision;
import dev.retort.Retort;
import dev.retort.Status;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.JsonShapes;
import dev.retort.graph.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code retort check}: whether the database is at the heads with unchanged files. Exit code
 * 3 (not 1) when it is not, so that scripts can tell "work to do" from "could not check".
 */
@Command(name = "check",
        description = "Check that the database is at head and that applied revisions' files are unchanged.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {"Exit code 0: up to date. 3: pending revisions, revisions unknown to these files, or",
                "files changed since they were applied. 1: the check itself failed."})
public final class CheckCommand extends EngineCommand {

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(true, null);
        requireRevisions(retort);
        Status status = retort.status();
        JsonShapes.CheckJson result = JsonShapes.CheckJson.of(status);
        if (json.enabled()) {
            printJson(result);
            return result.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
        if (result.ok()) {
            out().println("No pending revisions: the database is at " + MigrationCommand.describe(status.current())
                    + " (head).");
            return ExitCodes.OK;
        }
        if (!status.pending().isEmpty()) {
            out().println(status.pending().size() + " pending revision(s); 'retort upgrade heads' would run:");
            for (PendingRevision pending : status.pending()) {
                out().println("  " + AlembicText.step(Direction.UPGRADE, pending.revision(), pending.revises(),
                        pending.message()));
            }
        }
        if (!status.unknownRevisions().isEmpty()) {
            out().println("The database is at revision(s) no migration file declares: "
                    + String.join(", ", status.unknownRevisions())
                    + " (applied by a newer build, or files missing from --locations).");
        }
        for (ChecksumMismatch mismatch : status.checksumMismatches()) {
            out().println("Changed since applied: " + mismatch.describe());
        }
        return ExitCodes.CHECK_FAILED;
    }
}
