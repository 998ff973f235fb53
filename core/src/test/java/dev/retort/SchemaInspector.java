package dev.retort;

import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Reads a test database's tables, columns and version rows through plain JDBC, not through the engine. */
final class SchemaInspector {

    private final TestDatabase db;

    SchemaInspector(TestDatabase db) {
        this.db = db;
    }

    /** Lower-case table names of the test schema, sorted. */
    List<String> tables() throws SQLException {
        try (Connection connection = db.connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            TreeSet<String> names = new TreeSet<>();
            try (ResultSet rs = metaData.getTables(catalog(), schema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return new ArrayList<>(names);
        }
    }

    /** Tables other than Retort's own. */
    List<String> userTables() throws SQLException {
        List<String> tables = tables();
        tables.removeIf(t -> t.startsWith("retort_"));
        return tables;
    }

    List<String> columns(String table) throws SQLException {
        try (Connection connection = db.connect()) {
            List<String> columns = new ArrayList<>();
            String name = db.kind() == TestDatabase.Kind.H2 ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rs = connection.getMetaData().getColumns(catalog(), schema(), name, "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }
    }

    List<String> versionRows() throws SQLException {
        return query("SELECT version_num FROM retort_version ORDER BY version_num");
    }

    List<String> query(String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String catalog() {
        return db.kind() == TestDatabase.Kind.MARIADB ? db.schema() : null;
    }

    private String schema() {
        return db.kind() == TestDatabase.Kind.MARIADB ? null : db.schema();
    }
}
