package dev.retort.dialect;

import dev.retort.RetortException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Finds the dialect for a name ({@code retort.dialect}, {@code --dialect}) or a connection. */
public final class Dialects {

    /** The names {@link #forName(String)} accepts. */
    public static final List<String> NAMES = List.of("postgresql", "h2", "mariadb", "mysql");

    private Dialects() {
    }

    /**
     * The dialect called {@code name} ({@code postgresql}, {@code h2}, {@code mariadb},
     * {@code mysql}; case-insensitive; {@code postgres} is accepted too).
     *
     * @throws RetortException naming the known dialects when {@code name} is none of them
     */
    public static Dialect forName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "postgresql":
            case "postgres":
                return new PostgreSqlDialect();
            case "h2":
                return new H2Dialect();
            case "mariadb":
            case "mysql":
                return new MySqlDialect(key);
            default:
                throw new RetortException("Unknown dialect '" + name + "' (retort.dialect, or --dialect on the command line): expected one of "
                        + String.join(", ", NAMES) + ".");
        }
    }

    /** The dialect of the database behind {@code connection}, from its driver or metadata (no query). */
    public static Dialect detect(Connection connection) throws SQLException {
        // pgjdbc and H2 always name their product "PostgreSQL" and "H2", so their connection class
        // says as much as the metadata; asking getMetaData() first loads pgjdbc's metadata class,
        // about 4 ms of every start in a fresh JVM. Other drivers (and wrappers that do not
        // unwrap) go through the metadata.
        String driverClass = driverConnectionClass(connection);
        if (driverClass.startsWith("org.postgresql.")) {
            return new PostgreSqlDialect();
        }
        if (driverClass.startsWith("org.h2.")) {
            return new H2Dialect();
        }
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName();
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgresql")) {
            return new PostgreSqlDialect();
        }
        if (lower.equals("h2")) {
            return new H2Dialect();
        }
        if (lower.contains("mariadb")) {
            return new MySqlDialect("mariadb");
        }
        if (lower.contains("mysql")) {
            // MariaDB servers reached through MySQL's driver still say so in their version string.
            String version = metaData.getDatabaseProductVersion();
            boolean maria = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
            return new MySqlDialect(maria ? "mariadb" : "mysql");
        }
        throw new RetortException("Retort does not support the database '" + product + "' (" + metaData.getURL()
                + "): supported are PostgreSQL, H2, MariaDB and MySQL. If this database speaks one of their dialects, "
                + "set the dialect (retort.dialect, or --dialect on the command line) to " + String.join(", ", NAMES) + ".");
    }

    /** The class of the driver's own connection behind pools and proxies, or "" when it cannot be unwrapped. */
    private static String driverConnectionClass(Connection connection) {
        try {
            return connection.unwrap(Connection.class).getClass().getName();
        } catch (SQLException | RuntimeException e) {
            return "";
        }
    }

    /** {@code PostgreSQL 15.19}: product name and version without build details. */
    public static String describe(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String version = metaData.getDatabaseProductVersion();
        String shortVersion = version == null ? "" : version.trim().split("[ \\-]", 2)[0];
        return metaData.getDatabaseProductName() + (shortVersion.isEmpty() ? "" : " " + shortVersion);
    }
}
