package dev.retort.cli.command;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.graph.Operation;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort stamp REV... [--purge]}: set the version table without running any SQL. */
@Command(name = "stamp",
        description = "'stamp' the revision table with the given revision(s); don't run any migrations.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort stamp head                    # adopt an existing schema at head",
                "  retort stamp --purge 9c0d1e2f3a4b    # replace unknown rows",
                "  retort stamp base                    # forget every applied revision"})
public final class StampCommand extends MigrationCommand {

    @Parameters(index = "0", arity = "1..*", paramLabel = "REV",
            description = "Revision(s) to stamp: ids or prefixes, head, heads, label@head, base.")
    private List<String> revisions;

    @Option(names = "--purge", order = 1,
            description = "Empty the version table first (for a table holding revisions this project does not know).")
    private boolean purge;

    @Override
    Operation operation() {
        return Operation.STAMP;
    }

    @Override
    List<String> targets() {
        return revisions;
    }

    @Override
    boolean purge() {
        return purge;
    }

    @Override
    MigrationResult execute(Retort retort) {
        return retort.stamp(revisions, purge);
    }
}
