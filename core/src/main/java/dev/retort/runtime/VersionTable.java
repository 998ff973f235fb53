package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The version table ({@code retort_version(version_num VARCHAR(32) PRIMARY KEY)}): the current
 * heads, with Alembic's {@code alembic_version} semantics. Changes are rendered as literal SQL
 * so the same text serves online runs (sent as one batch with the history row) and offline
 * scripts.
 */
public final class VersionTable {

    /**
     * One write to the version table, which must touch exactly one row (Alembic checks this too):
     * {@code removed} becomes {@code added} (UPDATE), {@code removed} goes (DELETE, added null) or
     * {@code added} comes (INSERT, removed null). The literal SQL and the description are built
     * only when asked for: the prepared path (H2, MariaDB) binds {@code removed} and
     * {@code added} and never needs them, and building them for every revision was about 2% of
     * an H2 upgrade.
     */
    public record Change(VersionTable table, String removed, String added) {

        /** The rows the write must touch. */
        public int expectedRows() {
            return 1;
        }

        /** The same write as literal SQL. */
        public String sql() {
            String literalAdded = added == null ? null : table.dialect.stringLiteral(added);
            String literalRemoved = removed == null ? null : table.dialect.stringLiteral(removed);
            if (removed != null && added != null) {
                return "UPDATE " + table.qualifiedName + " SET version_num = " + literalAdded + " WHERE version_num = "
                        + literalRemoved;
            }
            if (removed != null) {
                return "DELETE FROM " + table.qualifiedName + " WHERE version_num = " + literalRemoved;
            }
            return "INSERT INTO " + table.qualifiedName + " (version_num) VALUES (" + literalAdded + ")";
        }

        /** What the write does, for messages: {@code change row a to b}, {@code delete row a}, {@code insert row b}. */
        public String description() {
            if (removed != null && added != null) {
                return "change row " + removed + " to " + added;
            }
            return removed != null ? "delete row " + removed : "insert row " + added;
        }
    }

    private final Dialect dialect;
    private final String name;
    private final String qualifiedName;
    private final String schema;

    /** @param schema null for unqualified names (offline scripts without a configured schema) */
    public VersionTable(Dialect dialect, String schema, String name) {
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
        return dialect.createVersionTable(qualifiedName);
    }

    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createSql());
        }
    }

    /**
     * The rows, sorted; null when the table does not exist. One query: the table is read
     * first and the error, if any, tells whether it is missing.
     */
    public List<String> read(Connection connection) throws SQLException {
        if (!mayExist(connection)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version_num FROM " + qualifiedName)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            Collections.sort(rows);
            return rows;
        } catch (SQLException e) {
            if (dialect.isUndefinedTable(e)) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // PostgreSQL aborts the transaction on any error
                }
                return null;
            }
            throw e;
        }
    }

    /**
     * The writes taking the table from {@code before} to {@code after}: a removed row paired
     * with an added row becomes one UPDATE (exactly Alembic's single-row case), the rest
     * DELETEs and INSERTs.
     */
    public List<Change> changes(List<String> before, List<String> after) {
        if (before.size() == 1 && after.size() == 1 && !before.get(0).equals(after.get(0))) {
            return List.of(new Change(this, before.get(0), after.get(0))); // one line of history: the usual step
        }
        List<String> removed = new ArrayList<>(new TreeSet<>(before));
        removed.removeAll(after);
        List<String> added = new ArrayList<>(new TreeSet<>(after));
        added.removeAll(before);
        List<Change> changes = new ArrayList<>();
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            changes.add(new Change(this, removed.get(i), added.get(i)));
        }
        for (int i = pairs; i < removed.size(); i++) {
            changes.add(new Change(this, removed.get(i), null));
        }
        for (int i = pairs; i < added.size(); i++) {
            changes.add(new Change(this, null, added.get(i)));
        }
        return changes;
    }

    /** {@link Change}s as a statement with parameters: the removed row, then the added row where both apply. */
    String parameterisedSql(Change change) {
        if (change.removed() != null && change.added() != null) {
            return "UPDATE " + qualifiedName + " SET version_num = ? WHERE version_num = ?";
        }
        if (change.removed() != null) {
            return "DELETE FROM " + qualifiedName + " WHERE version_num = ?";
        }
        return "INSERT INTO " + qualifiedName + " (version_num) VALUES (?)";
    }

    /** False only when the dialect wants the metadata asked first and the table is not there. */
    private boolean mayExist(Connection connection) throws SQLException {
        return dialect.probeTablesByQuery() || schema == null || dialect.tableExists(connection, schema, name);
    }
}
