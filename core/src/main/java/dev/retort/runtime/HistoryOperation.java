package dev.retort.runtime;

import dev.retort.HistoryEntry;
import java.sql.SQLException;
import java.util.List;

/** The history table's rows, newest first (empty when there is no table yet). */
public final class HistoryOperation {

    private final RetortConfig config;

    public HistoryOperation(RetortConfig config) {
        this.config = config;
    }

    public List<HistoryEntry> history() {
        try (Session session = Session.open(config)) {
            try {
                return session.history().read(session.connection());
            } catch (SQLException e) {
                throw session.databaseError("reading " + session.history().name(), e);
            }
        }
    }
}
