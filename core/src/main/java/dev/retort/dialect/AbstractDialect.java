package dev.retort.dialect;

import dev.retort.LockTimeoutException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shared pieces of the built-in dialects. Not public API. */
abstract class AbstractDialect implements Dialect {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches()) {
            return identifier;
        }
        String q = quoteCharacter();
        return q + identifier.replace(q, q + q) + q;
    }

    /** {@code "} by default, a backtick on MariaDB/MySQL. */
    protected String quoteCharacter() {
        return "\"";
    }

    @Override
    public String stringLiteral(String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    @Override
    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rs = metaData.getSchemas(null, schemaPattern(metaData, schema))) {
            return rs.next();
        }
    }

    @Override
    public List<String> tables(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(null, schemaPattern(metaData, schema), "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        for (String name : tables(connection, schema)) {
            if (name.equals(table) || (PLAIN.matcher(table).matches() && name.equalsIgnoreCase(table))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code identifier} needs no quotes, so the database folds its case. */
    protected static boolean isPlain(String identifier) {
        return PLAIN.matcher(identifier).matches();
    }

    /** The schema as metadata calls want it: plain names are stored in the database's case. */
    protected String schemaPattern(DatabaseMetaData metaData, String schema) throws SQLException {
        if (!PLAIN.matcher(schema).matches()) {
            return schema;
        }
        if (metaData.storesUpperCaseIdentifiers()) {
            return schema.toUpperCase(java.util.Locale.ROOT);
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return schema.toLowerCase(java.util.Locale.ROOT);
        }
        return schema;
    }

    @Override
    public boolean requiresAutocommit(String sql) {
        return false;
    }

    @Override
    public String beginTransaction() {
        return "BEGIN";
    }

    @Override
    public boolean lockNeedsOwnConnection() {
        return false;
    }

    /** The one wording of a lock timeout, shared so every dialect names the property and the holder alike. */
    protected static LockTimeoutException lockTimeout(String schema, String versionTable, Duration timeout, String holder) {
        String who = holder == null ? "another migrator holds it" : "it is held by " + holder;
        return new LockTimeoutException("Timed out after " + describe(timeout) + " waiting for the migration lock of schema '"
                + schema + "' (version table " + versionTable + "): " + who + ". Wait for that migration to finish, "
                + "or, if migrations here legitimately take longer, raise the lock timeout (retort.lock-timeout, "
                + "or --lock-timeout on the command line).", timeout, holder);
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    /** Leading comments and blank space removed, so statement checks look at the first keyword. */
    protected static String stripLeadingComments(String sql) {
        String s = sql;
        while (true) {
            s = s.stripLeading();
            if (s.startsWith("--")) {
                int end = s.indexOf('\n');
                s = end < 0 ? "" : s.substring(end + 1);
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2);
            } else {
                return s;
            }
        }
    }
}
