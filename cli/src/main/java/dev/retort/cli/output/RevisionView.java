package dev.retort.cli.output;

import dev.retort.script.MigrationScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One revision as the CLI shows it, in text and in JSON (where it is the {@code revision}
 * object documented in docs/cli.md; the component order is the JSON key order).
 *
 * @param revision      the id
 * @param message       the message, empty when none
 * @param revises       the parents; empty for a base revision
 * @param dependsOn     the {@code depends-on} entries
 * @param branchLabels  the branch labels declared on this revision
 * @param children      the revisions that revise this one, sorted
 * @param head          whether it is a head of the graph
 * @param base          whether it has no parent
 * @param branchPoint   whether several revisions revise it
 * @param mergePoint    whether it revises several revisions
 * @param createDate    the {@code create-date} header, or null
 * @param location      the file it comes from
 * @param checksum      SHA-256 of the file (normalised line endings)
 * @param transactional whether its statements run in a transaction
 * @param reversible    whether it has a downgrade section
 */
public record RevisionView(String revision, String message, List<String> revises, List<String> dependsOn,
                           List<String> branchLabels, List<String> children, boolean head, boolean base,
                           boolean branchPoint, boolean mergePoint, String createDate, String location,
                           String checksum, boolean transactional, boolean reversible) {

    public RevisionView {
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        children = List.copyOf(children);
    }

    /**
     * Views of all scripts, keyed by id in the order given.
     *
     * @param scripts the scripts in load order
     * @param heads   the graph's heads
     */
    public static Map<String, RevisionView> of(Collection<MigrationScript> scripts, Collection<String> heads) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (MigrationScript script : scripts) {
            for (String parent : script.revises()) {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(script.revision());
            }
        }
        Set<String> headSet = Set.copyOf(heads);
        Map<String, RevisionView> views = new LinkedHashMap<>();
        for (MigrationScript script : scripts) {
            List<String> kids = new ArrayList<>(children.getOrDefault(script.revision(), List.of()));
            kids.sort(null);
            views.put(script.revision(), new RevisionView(script.revision(), script.message(), script.revises(),
                    script.dependsOn(), script.branchLabels(), kids, headSet.contains(script.revision()),
                    script.revises().isEmpty(), kids.size() > 1, script.revises().size() > 1, script.createDate(),
                    script.location(), script.checksum(), script.transactional(), script.reversible()));
        }
        return views;
    }
}
