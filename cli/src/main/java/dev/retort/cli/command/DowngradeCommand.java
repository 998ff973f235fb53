package dev.retort.cli.command;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.graph.Operation;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET}: revert revisions down to TARGET. */
@Command(name = "downgrade",
        description = "Revert to a previous version.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort downgrade -1                  # one revision down",
                "  retort downgrade base                # revert everything",
                "  retort downgrade 9c0d1e2f3a4b --dry-run",
                "  retort downgrade head:base --sql --dialect postgresql > downgrade.sql"})
public final class DowngradeCommand extends MigrationCommand {

    @Parameters(index = "0", arity = "1", paramLabel = "TARGET",
            description = "Revision to downgrade to: an id or unique prefix, base, -N, id-N, label@-N; "
                    + "with --sql a FROM:TO range such as head:base.")
    private String target;

    @Override
    Operation operation() {
        return Operation.DOWNGRADE;
    }

    @Override
    List<String> targets() {
        return List.of(target);
    }

    @Override
    MigrationResult execute(Retort retort) {
        return retort.downgrade(target);
    }
}
