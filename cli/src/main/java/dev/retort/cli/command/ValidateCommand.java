package dev.retort.cli.command;

import dev.retort.ChecksumMismatch;
import dev.retort.Retort;
import dev.retort.ValidationResult;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.JsonShapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code retort validate}: applied revisions' files against the checksums recorded when they
 * ran, and version-table rows against the files. A failed validation exits 1.
 */
@Command(name = "validate",
        description = "Validate applied revisions: unchanged files, no revisions unknown to these files.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {"Exit code 0: valid. 1: changed files or unknown revisions (listed), or an error.",
                "After reviewing an intended change to an applied file, 'retort repair' records its new checksum."})
public final class ValidateCommand extends EngineCommand {

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        Retort retort = workspace().retort(true, null);
        ValidationResult result = retort.validate();
        if (json.enabled()) {
            printJson(JsonShapes.ValidateJson.of(result));
            return result.valid() ? ExitCodes.OK : ExitCodes.ERROR;
        }
        if (result.valid()) {
            out().println("Validation passed: every applied revision matches its file.");
            return ExitCodes.OK;
        }
        for (ChecksumMismatch mismatch : result.mismatches()) {
            out().println("Changed since applied: " + mismatch.describe());
        }
        if (!result.unknownRevisions().isEmpty()) {
            out().println("Unknown revision(s) in the version table: " + String.join(", ", result.unknownRevisions()));
        }
        err().println("FAILED: Validation found " + result.mismatches().size() + " changed file(s) and "
                + result.unknownRevisions().size() + " unknown revision(s); restore the files, or run 'retort repair' "
                + "to accept the changes.");
        return ExitCodes.ERROR;
    }
}
