package dev.retort.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MariaDB and MySQL: DDL commits implicitly (a failed revision may leave statements
 * applied), the lock is {@code GET_LOCK}, a schema is a database (the connection's catalog),
 * identifiers are quoted with backticks and string literals may contain backslash escapes.
 */
public final class MySqlDialect extends AbstractDialect {

    private static final Pattern BACKSLASH = Pattern.compile("\\\\");
    /** MySQL/MariaDB's longest lock name. */
    private static final int MAX_LOCK_NAME = 64;
    /** ER_NO_SUCH_TABLE (1146) and ER_BAD_DB_ERROR (1049). */
    private static final int NO_SUCH_TABLE = 1146;
    private static final int BAD_DATABASE = 1049;

    private final String name;

    /** @param name {@code mariadb} or {@code mysql} */
    public MySqlDialect(String name) {
        if (!name.equals("mariadb") && !name.equals("mysql")) {
            throw new IllegalArgumentException("MySqlDialect is either 'mariadb' or 'mysql', not '" + name + "'");
        }
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> sectionNames() {
        return name.equals("mariadb") ? List.of("mariadb", "mysql") : List.of("mysql");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    protected String quoteCharacter() {
        return "`";
    }

    @Override
    public String stringLiteral(String value) {
        // With the server default (NO_BACKSLASH_ESCAPES off) a backslash escapes, so it is doubled.
        return value == null ? "NULL" : super.stringLiteral(BACKSLASH.matcher(value).replaceAll("\\\\\\\\"));
    }

    @Override
    public String currentUserExpression() {
        return "SUBSTRING_INDEX(CURRENT_USER(), '@', 1)";
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public List<String> tables(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(schema, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @Override
    public boolean probeTablesByQuery() {
        return false;
    }

    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean isUndefinedTable(SQLException e) {
        return e.getErrorCode() == NO_SUCH_TABLE || e.getErrorCode() == BAD_DATABASE;
    }

    @Override
    public String createVersionTable(String qualifiedName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (version_num VARCHAR(32) NOT NULL PRIMARY KEY)";
    }

    @Override
    public String createHistoryTable(String qualifiedName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " ("
                + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "revision VARCHAR(32) NOT NULL, "
                + "operation VARCHAR(16) NOT NULL, "
                + "message TEXT, "
                + "checksum VARCHAR(64), "
                + "applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                + "applied_by VARCHAR(128), "
                + "duration_ms BIGINT NOT NULL, "
                + "success BOOLEAN NOT NULL)";
    }

    @Override
    public String beginTransaction() {
        return "START TRANSACTION";
    }

    @Override
    public MigrationLock lock(Connection connection, String schema, String versionTable, Duration timeout)
            throws SQLException {
        String lockName = lockName(schema, versionTable);
        // GET_LOCK takes seconds (fractions allowed on MariaDB); round up so a short timeout still waits.
        long seconds = Math.max(0, (timeout.toMillis() + 999) / 1000);
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, lockName);
            statement.setLong(2, seconds);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int result = rs.getInt(1);
                if (rs.wasNull()) {
                    throw new SQLException("GET_LOCK('" + lockName + "') failed (returned NULL)");
                }
                if (result != 1) {
                    throw lockTimeout(schema, versionTable, timeout, holder(connection, lockName));
                }
            }
        }
        return () -> {
            if (connection.isClosed()) {
                return; // the server released it with the session
            }
            try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                release.setString(1, lockName);
                release.executeQuery().close();
            }
        };
    }

    /** Connection id, user and client host of the lock's holder, from IS_USED_LOCK and the process list. */
    private static String holder(Connection connection, String lockName) {
        String sql = "SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, lockName);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return "connection id " + rs.getLong(1) + " (user '" + rs.getString(2) + "', client " + rs.getString(3)
                        + ", connected for " + rs.getLong(4) + "s in its current state)";
            }
        } catch (SQLException e) {
            return null; // only a nicer message was at stake
        }
    }

    /** {@code retort:<schema>.<table>}, or a hash of it when that exceeds the 64 characters GET_LOCK allows. */
    static String lockName(String schema, String versionTable) {
        String plain = "retort:" + schema + "." + versionTable;
        if (plain.length() <= MAX_LOCK_NAME) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "retort:" + HexFormat.of().formatHex(digest, 0, 28);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String useSchemaStatement(String schema) {
        return "USE " + quote(schema);
    }

    @Override
    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (java.sql.ResultSet rs = connection.getMetaData().getCatalogs()) {
            while (rs.next()) {
                if (schema.equalsIgnoreCase(rs.getString(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String saveSchema(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public void restoreSchema(Connection connection, String saved) throws SQLException {
        if (saved != null) {
            connection.setCatalog(saved);
        }
    }
}
