package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.output.AlembicText;
import dev.retort.cli.output.JsonShapes;
import dev.retort.cli.output.RevisionView;
import dev.retort.graph.RevisionGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort history [-r RANGE] [-v] [-i]}: the revisions, newest first. */
@Command(name = "history",
        description = "List revisions in chronological order, newest first.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  retort history -r 9c0d1e2f3a4b:     # from a revision up to the heads",
                "  retort history -r -3:current -i      # the last three applied, with the database's position",
                "  retort history -v                    # with paths, dates and branch details"})
public final class HistoryCommand extends EngineCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE", order = 1,
            description = "Range of revisions, [start]:[end] (e.g. base:head, ae10:, :label@head, -3:current).")
    private String range;

    @Option(names = "-v", order = 2, description = "Use more verbose output.")
    private boolean detailed;

    @Option(names = {"-i", "--indicate-current"}, order = 3,
            description = "Mark the revisions the database is at (connects to the database).")
    private boolean indicateCurrent;

    @Mixin
    private JsonOption json;

    @Override
    protected int run() {
        // A range that mentions "current" needs the database as well.
        boolean online = indicateCurrent || mentionsCurrent();
        Retort retort = workspace().retort(online, null);
        RevisionGraph graph = graph(retort);
        List<String> current = null;
        List<String> ids;
        if (online) {
            List<String> rows = retort.status().current();
            current = graph.current(rows.stream().filter(graph::contains).toList());
            ids = graph.history(mentionsCurrent() ? withCurrent(currentMarker(current)) : range);
        } else {
            ids = graph.history(range);
        }
        Map<String, RevisionView> views = views(retort);
        List<RevisionView> selected = select(views, ids);
        if (json.enabled()) {
            printJson(new JsonShapes.HistoryJson(range, indicateCurrent ? current : null, selected));
            return ExitCodes.OK;
        }
        Set<String> marked = indicateCurrent && current != null ? Set.copyOf(current) : Set.of();
        for (RevisionView revision : selected) {
            if (detailed || verbose()) {
                out().println(AlembicText.logEntry(revision, marked.contains(revision.revision())));
            } else {
                out().println(AlembicText.historyLine(revision, marked.contains(revision.revision())));
            }
        }
        return ExitCodes.OK;
    }

    private boolean mentionsCurrent() {
        if (range == null) {
            return false;
        }
        for (String side : range.split(":", -1)) {
            if (side.equals("current")) {
                return true;
            }
        }
        return false;
    }

    private String withCurrent(String revision) {
        String[] sides = range.split(":", -1);
        for (int i = 0; i < sides.length; i++) {
            if (sides[i].equals("current")) {
                sides[i] = revision;
            }
        }
        return String.join(":", sides);
    }

    /**
     * {@code current} in a range means the database's revision, as in Alembic; with several
     * current heads that is ambiguous, so it is refused rather than guessed.
     */
    private String currentMarker(List<String> current) {
        if (current.isEmpty()) {
            return "base";
        }
        if (current.size() > 1) {
            throw usage("'current' in -r " + range + " is ambiguous: the database is at " + String.join(", ", current)
                    + "; name one of them instead.");
        }
        return current.get(0);
    }
}
