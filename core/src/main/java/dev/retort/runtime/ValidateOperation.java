package dev.retort.runtime;

import dev.retort.ValidationResult;
import dev.retort.script.ScriptDirectory;
import java.sql.SQLException;
import java.util.List;

/** Checksum drift of applied revisions and unknown version-table rows; changes nothing. */
public final class ValidateOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public ValidateOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public ValidationResult validate() {
        try (Session session = Session.open(config)) {
            try {
                List<String> rows = session.versions().read(session.connection());
                List<String> unknown = rows == null ? List.of() : UnknownRevisions.find(rows, scripts);
                return new ValidationResult(ChecksumCheck.mismatches(
                        ChecksumCheck.find(session.connection(), session.history(), scripts)), unknown);
            } catch (SQLException e) {
                throw session.databaseError("validating", e);
            }
        }
    }
}
