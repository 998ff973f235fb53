package dev.retort.runtime;

import dev.retort.HistoryEntry;
import dev.retort.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history table: one row per applied, reverted or stamped revision, and per failed
 * attempt. Inserts are literal SQL (see {@link VersionTable}) so they ride in the same batch
 * and transaction as the version-table change.
 */
public final class HistoryTable {

    /** The latest successful upgrade or stamp of a revision, as recorded. */
    public record Recorded(long id, String revision, String checksum) {
    }

    private final Dialect dialect;
    private final String name;
    private final String qualifiedName;
    private final String schema;

    public HistoryTable(Dialect dialect, String schema, String name) {
        this.dialect = dialect;
        this.name = name;
        this.qualifiedName = dialect.qualify(schema, name);
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    public String createSql() {
        return dialect.createHistoryTable(qualifiedName);
    }

    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createSql());
        }
    }

    /**
     * An INSERT of one row; {@code appliedBy} null records the database user
     * ({@link Dialect#currentUserExpression()}), which is never a password.
     */
    public String insertSql(String revision, String operation, String message, String checksum, String appliedBy,
                            long durationMs, boolean success) {
        return "INSERT INTO " + qualifiedName + " (revision, operation, message, checksum, applied_by, duration_ms, success) "
                + "VALUES (" + dialect.stringLiteral(revision) + ", " + dialect.stringLiteral(operation) + ", "
                + dialect.stringLiteral(message) + ", " + dialect.stringLiteral(checksum) + ", "
                + (appliedBy == null ? dialect.currentUserExpression() : dialect.stringLiteral(appliedBy)) + ", "
                + durationMs + ", " + (success ? "TRUE" : "FALSE") + ")";
    }

    /** {@link #insertSql} with parameters: revision, operation, message, checksum, applied by, duration, success. */
    String parameterisedInsertSql() {
        return "INSERT INTO " + qualifiedName + " (revision, operation, message, checksum, applied_by, duration_ms, success) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    /** All rows, newest first; empty when the table does not exist. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        String sql = "SELECT id, revision, operation, message, checksum, applied_at, applied_by, duration_ms, success FROM "
                + qualifiedName + " ORDER BY id DESC";
        List<HistoryEntry> entries = new ArrayList<>();
        if (!mayExist(connection)) {
            return entries;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp appliedAt = rs.getTimestamp(6);
                entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), appliedAt == null ? null : appliedAt.toInstant(), rs.getString(7), rs.getLong(8),
                        rs.getBoolean(9)));
            }
        } catch (SQLException e) {
            if (dialect.isUndefinedTable(e)) {
                rollbackIfNeeded(connection);
                return List.of();
            }
            throw e;
        }
        return entries;
    }

    /**
     * Per revision, the latest successful row when that row is an upgrade or a stamp (a
     * revision whose latest row is a downgrade is not applied). Empty when the table does not exist.
     */
    public Map<String, Recorded> applied(Connection connection) throws SQLException {
        String sql = "SELECT id, revision, operation, checksum FROM " + qualifiedName + " WHERE success = TRUE ORDER BY id";
        Map<String, Recorded> latest = new LinkedHashMap<>();
        if (!mayExist(connection)) {
            return latest;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String revision = rs.getString(2);
                if ("downgrade".equals(rs.getString(3))) {
                    latest.remove(revision);
                } else {
                    latest.put(revision, new Recorded(rs.getLong(1), revision, rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            if (dialect.isUndefinedTable(e)) {
                rollbackIfNeeded(connection);
                return Map.of();
            }
            throw e;
        }
        return latest;
    }

    /** Sets the recorded checksum of one row (repair). */
    public void updateChecksum(Connection connection, long id, String checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + qualifiedName + " SET checksum = ? WHERE id = ?")) {
            statement.setString(1, checksum);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    /** Deletes the rows of failed attempts (repair); returns how many. */
    public int deleteFailed(Connection connection) throws SQLException {
        if (!mayExist(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM " + qualifiedName + " WHERE success = FALSE");
        } catch (SQLException e) {
            if (dialect.isUndefinedTable(e)) {
                rollbackIfNeeded(connection);
                return 0;
            }
            throw e;
        }
    }

    private static void rollbackIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    /** False only when the dialect wants the metadata asked first and the table is not there. */
    private boolean mayExist(Connection connection) throws SQLException {
        return dialect.probeTablesByQuery() || schema == null || dialect.tableExists(connection, schema, name);
    }
}
