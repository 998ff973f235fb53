package dev.retort.runtime;

import dev.retort.ChecksumMismatch;
import dev.retort.script.MigrationScript;
import dev.retort.script.ScriptDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares the checksums recorded in history with the files as they are now. */
final class ChecksumCheck {

    /** A mismatch and the history row that holds the stored checksum (for repair). */
    record Found(ChecksumMismatch mismatch, long historyId) {
    }

    private ChecksumCheck() {
    }

    static List<Found> find(Connection connection, HistoryTable history, ScriptDirectory scripts) throws SQLException {
        Map<String, HistoryTable.Recorded> applied = history.applied(connection);
        List<Found> found = new ArrayList<>();
        for (HistoryTable.Recorded recorded : applied.values()) {
            MigrationScript script = scripts.script(recorded.revision());
            if (script == null || recorded.checksum() == null || recorded.checksum().equals(script.checksum())) {
                continue; // unknown revisions are reported as such; rows without checksum were stamped
            }
            found.add(new Found(new ChecksumMismatch(recorded.revision(), script.location(), recorded.checksum(),
                    script.checksum()), recorded.id()));
        }
        found.sort((a, b) -> a.mismatch().revision().compareTo(b.mismatch().revision()));
        return found;
    }

    static List<ChecksumMismatch> mismatches(List<Found> found) {
        return found.stream().map(Found::mismatch).toList();
    }
}
