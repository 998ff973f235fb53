package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.output.Json;
import dev.retort.cli.output.RevisionView;
import dev.retort.cli.settings.SettingsException;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParameterException;

/** Helpers of the subcommands that work with the migration scripts and the database. */
abstract class EngineCommand extends SubCommand {

    /** Every loaded revision as the CLI shows it, keyed by id in load order. */
    static Map<String, RevisionView> views(Retort retort) {
        ScriptDirectory scripts = retort.scripts();
        return RevisionView.of(scripts.scripts(), scripts.graph().heads());
    }

    static RevisionGraph graph(Retort retort) {
        return retort.scripts().graph();
    }

    /** Views for the given ids, in the order given; ids no file declares are skipped. */
    static List<RevisionView> select(Map<String, RevisionView> views, Collection<String> ids) {
        List<RevisionView> selected = new ArrayList<>();
        for (String id : ids) {
            RevisionView view = views.get(id);
            if (view != null) {
                selected.add(view);
            }
        }
        return selected;
    }

    /**
     * Running upgrade, downgrade or stamp against no revisions at all is nearly always a wrong
     * --locations; say so instead of reporting an empty success.
     */
    void requireRevisions(Retort retort) {
        if (retort.scripts().scripts().isEmpty()) {
            throw new SettingsException("No migration files (*.sql) found in "
                    + String.join(", ", workspace().settings().locations()) + " (" + workspace().locationsSource()
                    + "); create one with "
                    + "'retort revision -m \"...\"', or point --locations at your migrations.");
        }
    }

    void printJson(Object document) {
        out().println(Json.write(document));
    }

    /** A wrong combination of arguments: a usage error (exit code 2), like an unknown option. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
