package dev.retort.runtime;

import dev.retort.UnknownRevisionException;
import dev.retort.script.ScriptDirectory;
import java.util.List;

/** Version-table rows that no loaded migration declares: reported, never fixed silently. */
final class UnknownRevisions {

    private UnknownRevisions() {
    }

    static List<String> find(List<String> rows, ScriptDirectory scripts) {
        return rows.stream().filter(r -> !scripts.graph().contains(r)).sorted().toList();
    }

    static UnknownRevisionException exception(List<String> unknown, Session session, String operation) {
        return new UnknownRevisionException("The version table " + session.versions().name() + " in schema "
                + session.schema() + " holds " + (unknown.size() == 1 ? "revision " : "revisions ")
                + String.join(", ", unknown) + ", which none of the loaded migrations declares: a newer build has "
                + "probably migrated this database. Refusing to " + operation + ". Run the build that has "
                + (unknown.size() == 1 ? "that revision" : "those revisions") + ", or, if they are gone for good, "
                + "set the version table with `retort stamp <revision> --purge`.", unknown);
    }
}
