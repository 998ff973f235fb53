package dev.retort.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A project folder for CLI tests: migrations in the default folder, an H2 file database in
 * the same folder, and a {@link Cli} that finds the database through {@code RETORT_URL}.
 */
final class Project {

    static final String MIGRATIONS = "src/main/resources/db/migrations";

    private final Path folder;
    private final String url;
    private final Cli cli;

    Project(Path folder) {
        this(folder, "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath());
    }

    Project(Path folder, String url) {
        this.folder = folder;
        this.url = url;
        this.cli = new Cli(folder).env("RETORT_URL", url);
        try {
            Files.createDirectories(migrations());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    String url() {
        return url;
    }

    Cli cli() {
        return cli;
    }

    Cli.Result run(String... args) {
        return cli.run(args);
    }

    Path migrations() {
        return folder.resolve(MIGRATIONS);
    }

    /** Writes {@code <id>_<slug>.sql} with the given header and sections. */
    Path migration(String id, String revises, String message, String upgrade, String downgrade) {
        StringBuilder text = new StringBuilder()
                .append("-- revision: ").append(id).append('\n')
                .append("-- revises: ").append(revises).append('\n')
                .append("-- message: ").append(message).append('\n')
                .append("\n-- +upgrade\n").append(upgrade).append('\n');
        if (downgrade != null) {
            text.append("\n-- +downgrade\n").append(downgrade).append('\n');
        }
        return write(id + "_" + message.replaceAll("[^a-z0-9]+", "_") + ".sql", text.toString());
    }

    Path write(String fileName, String text) {
        try {
            return Files.writeString(migrations().resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The usual three revisions: a1 creates accounts, b2 adds a status column, c3 adds a
     * notes table; a straight line a1 -> b2 -> c3.
     */
    Project linear() {
        migration("a1a1a1a1a1a1", "base", "create accounts",
                "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);", "DROP TABLE accounts;");
        migration("b2b2b2b2b2b2", "a1a1a1a1a1a1", "add status",
                "ALTER TABLE accounts ADD COLUMN status VARCHAR(20) DEFAULT 'new' NOT NULL;",
                "ALTER TABLE accounts DROP COLUMN status;");
        migration("c3c3c3c3c3c3", "b2b2b2b2b2b2", "create notes",
                "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200));", "DROP TABLE notes;");
        return this;
    }

    /**
     * A side branch on top of {@link #linear()}: d4, labelled "side", revises b2 (which becomes a
     * branch point), so the project has two heads, c3 and d4.
     */
    Project sideBranch() {
        write("d4d4d4d4d4d4_side.sql", """
                -- revision: d4d4d4d4d4d4
                -- revises: b2b2b2b2b2b2
                -- message: side branch
                -- branch-labels: side
                -- create-date: 2026-11-21 10:30:00

                -- +upgrade
                CREATE TABLE side (id INT);

                -- +downgrade
                DROP TABLE side;
                """);
        return this;
    }

    /** The version table's rows, sorted; empty when the table does not exist. */
    List<String> versionRows() {
        if (!tables().contains("retort_version")) {
            return List.of();
        }
        return query("SELECT version_num FROM retort_version ORDER BY version_num");
    }

    /** Table names of the database's current schema (upper case for H2), sorted. */
    List<String> tables() {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            names.sort(null);
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> query(String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
