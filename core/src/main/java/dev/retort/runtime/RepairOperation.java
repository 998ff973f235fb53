package dev.retort.runtime;

import dev.retort.RepairResult;
import dev.retort.script.ScriptDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the files' current checksums for applied revisions whose files changed, and removes
 * the history rows of failed attempts. Holds the lock; one transaction. Never touches the
 * version table.
 */
public final class RepairOperation {

    private static final Logger LOG = LoggerFactory.getLogger("dev.retort");

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public RepairOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public RepairResult repair() {
        try (Session session = Session.open(config)) {
            Connection connection = session.connection();
            try {
                return session.lockTemplate().execute(connection, config.dataSource(), () -> {
                    List<ChecksumCheck.Found> found = ChecksumCheck.find(connection, session.history(), scripts);
                    connection.setAutoCommit(false);
                    try {
                        for (ChecksumCheck.Found f : found) {
                            session.history().updateChecksum(connection, f.historyId(), f.mismatch().current());
                        }
                        int removed = session.history().deleteFailed(connection);
                        connection.commit();
                        for (ChecksumCheck.Found f : found) {
                            LOG.info("Repaired checksum of {} ({}): {} -> {}", f.mismatch().revision(),
                                    f.mismatch().location(), f.mismatch().stored(), f.mismatch().current());
                        }
                        LOG.info("Repair of schema {}: {} checksum{} realigned, {} failed history entr{} removed",
                                session.schema(), found.size(), found.size() == 1 ? "" : "s", removed,
                                removed == 1 ? "y" : "ies");
                        return new RepairResult(ChecksumCheck.mismatches(found), removed);
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                });
            } catch (SQLException e) {
                throw session.databaseError("repairing " + session.history().name(), e);
            }
        }
    }
}
