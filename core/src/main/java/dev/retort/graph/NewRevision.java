package dev.retort.graph;

import java.util.List;

/**
 * The header of a migration file that {@code retort revision} or {@code retort merge} is about
 * to write.
 *
 * @param id           the new revision's id
 * @param revises      its parents (empty: a new base, written {@code revises: base})
 * @param dependsOn    its {@code depends-on} entries: full ids, or labels kept as typed
 * @param branchLabels the labels it declares
 */
public record NewRevision(String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {

    public NewRevision {
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
    }

    /** The revision this header describes, to check it against the graph. */
    public Revision toRevision(String message) {
        return new Revision(id, revises, dependsOn, branchLabels, message);
    }
}
