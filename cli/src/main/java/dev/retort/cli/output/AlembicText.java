package dev.retort.cli.output;

import dev.retort.graph.Direction;
import java.util.List;

/**
 * Text lines in Alembic's formats, so that people who know {@code alembic history} read
 * {@code retort history} without thinking: {@code 9c0d1e2f3a4b -> 4f2a9c1b7d3e (head), add status},
 * {@code Running upgrade 9c0d1e2f3a4b -> 4f2a9c1b7d3e, add status}, and the verbose
 * {@code Rev: / Parent: / Path:} blocks.
 */
public final class AlembicText {

    private AlembicText() {
    }

    /** What a base revision's missing parent reads as in history lines. */
    public static final String BASE = "<base>";

    /**
     * One revision on one line (Alembic's {@code Script._head_only}).
     *
     * @param parents  prefix with {@code parents -> }
     * @param branches add the branch labels in parentheses
     * @param doc      append {@code , message}
     * @param tree     add {@code (branchpoint)} / {@code (mergepoint)}
     * @param current  add {@code (current)}
     */
    public static String line(RevisionView revision, boolean parents, boolean branches, boolean doc, boolean tree,
                              boolean current) {
        StringBuilder text = new StringBuilder();
        if (parents) {
            text.append(parentsOf(revision));
            if (!revision.dependsOn().isEmpty()) {
                text.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
            }
            text.append(" -> ");
        }
        text.append(revision.revision());
        if (branches && !revision.branchLabels().isEmpty()) {
            text.append(" (").append(String.join(", ", revision.branchLabels())).append(')');
        }
        if (revision.head()) {
            text.append(" (head)");
        }
        if (current) {
            text.append(" (current)");
        }
        if (tree) {
            if (revision.branchPoint()) {
                text.append(" (branchpoint)");
            }
            if (revision.mergePoint()) {
                text.append(" (mergepoint)");
            }
        }
        if (doc) {
            text.append(", ").append(revision.message());
        }
        return text.toString();
    }

    /** The history line: {@code parents -> id (head), message}. */
    public static String historyLine(RevisionView revision, boolean current) {
        return line(revision, true, true, true, true, current);
    }

    /** The verbose block of {@code history -v}, {@code show}, {@code heads -v} (Alembic's {@code log_entry}). */
    public static String logEntry(RevisionView revision, boolean current) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("Rev: ").append(revision.revision());
        if (revision.head()) {
            text.append(" (head)");
        }
        if (revision.branchPoint()) {
            text.append(" (branchpoint)");
        }
        if (revision.mergePoint()) {
            text.append(" (mergepoint)");
        }
        if (current) {
            text.append(" (current)");
        }
        text.append(nl);
        text.append(revision.mergePoint() ? "Merges: " : "Parent: ").append(parentsOf(revision)).append(nl);
        if (!revision.dependsOn().isEmpty()) {
            text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append(nl);
        }
        if (revision.branchPoint()) {
            text.append("Branches into: ").append(String.join(", ", revision.children())).append(nl);
        }
        if (!revision.branchLabels().isEmpty()) {
            text.append("Branch names: ").append(String.join(", ", revision.branchLabels())).append(nl);
        }
        text.append("Path: ").append(revision.location()).append(nl);
        text.append(nl);
        text.append("    ").append(revision.message().isEmpty() ? "(no message)" : revision.message()).append(nl);
        text.append(nl);
        text.append("    Revision ID: ").append(revision.revision()).append(nl);
        text.append("    Revises: ").append(revision.revises().isEmpty() ? "base" : String.join(", ", revision.revises()))
                .append(nl);
        if (revision.createDate() != null) {
            text.append("    Create Date: ").append(revision.createDate()).append(nl);
        }
        if (!revision.reversible()) {
            text.append("    Irreversible: no downgrade section").append(nl);
        }
        if (!revision.transactional()) {
            text.append("    Transactional: false").append(nl);
        }
        return text.toString();
    }

    /**
     * {@code Running upgrade 9c0d1e2f3a4b -> 4f2a9c1b7d3e, add status} (Alembic's
     * {@code MigrationStep.__str__}): an upgrade goes from the parents to the revision, a
     * downgrade back.
     */
    public static String step(Direction direction, String revision, List<String> revises, String message) {
        String parents = String.join(", ", revises);
        String text = direction == Direction.UPGRADE
                ? "upgrade " + parents + " -> " + revision
                : "downgrade " + revision + " -> " + parents;
        return message == null || message.isEmpty() ? text : text + ", " + message;
    }

    private static String parentsOf(RevisionView revision) {
        return revision.revises().isEmpty() ? BASE : String.join(", ", revision.revises());
    }
}
