package dev.retort.cli.command;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.graph.Operation;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET]}: apply revisions up to TARGET ({@code head} by default). */
@Command(name = "upgrade",
        description = "Upgrade to a later version.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort upgrade                       # to the single head",
                "  retort upgrade heads                 # every branch to its head",
                "  retort upgrade +1                    # one revision up",
                "  retort upgrade ae1027a6acf --dry-run # print the plan only",
                "  retort upgrade base:head --sql --dialect postgresql > upgrade.sql"})
public final class UpgradeCommand extends MigrationCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "head",
            description = "Revision to upgrade to: an id or unique prefix, head, heads, label@head, +N, "
                    + "id+N; with --sql a FROM:TO range (default: ${DEFAULT-VALUE}).")
    private String target;

    @Override
    Operation operation() {
        return Operation.UPGRADE;
    }

    @Override
    List<String> targets() {
        return List.of(target);
    }

    @Override
    MigrationResult execute(Retort retort) {
        return retort.upgrade(target);
    }
}
