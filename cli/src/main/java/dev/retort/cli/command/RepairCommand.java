package dev.retort.cli.command;

import dev.retort.ChecksumMismatch;
import dev.retort.RepairResult;
import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.JsonShapes;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code retort repair}: accept the current files of applied revisions (record their
 * checksums again) and remove failed attempts from the history table.
 */
@Command(name = "repair",
        description = "Record the current checksums of changed applied files and remove failed history entries.",
        optionListHeading = "%nOptions:%n")
public final class RepairCommand extends EngineCommand {

    @Mixin
    private LockTimeoutOption lockTimeout;

    @Mixin
    private JsonOption json;

    @Override
    protected Map<String, String> settingFlags() {
        return lockTimeout.settingFlags(spec);
    }

    @Override
    protected int run() {
        Retort retort = workspace().retort(true, null);
        RepairResult result = retort.repair();
        if (json.enabled()) {
            printJson(JsonShapes.RepairJson.of(result));
            return ExitCodes.OK;
        }
        for (ChecksumMismatch realigned : result.realigned()) {
            out().println("Realigned checksum of " + realigned.revision() + " (" + realigned.location() + "): "
                    + realigned.stored() + " -> " + realigned.current());
        }
        out().println("Removed " + result.failedEntriesRemoved() + " failed history entr"
                + (result.failedEntriesRemoved() == 1 ? "y" : "ies") + "; realigned " + result.realigned().size()
                + " checksum(s).");
        return ExitCodes.OK;
    }
}
