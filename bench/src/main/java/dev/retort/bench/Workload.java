package dev.retort.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N revisions of realistic small changes, the same statements for every tool: revision i
 * creates a table with a primary key and a few columns, indexes it, and inserts a row.
 * {@link #writeAll(Path)} lays them out in each tool's own format.
 */
public final class Workload {

    private final int size;

    public Workload(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The statements of revision {@code i} (0-based), without trailing semicolons. */
    public List<String> statements(int i) {
        String table = table(i);
        return List.of(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                        + " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, amount DECIMAL(10,2))",
                "CREATE INDEX " + table + "_name_idx ON " + table + " (name)",
                "INSERT INTO " + table + " (id, name, amount) VALUES (1, 'row " + i + "', " + (i % 1000) + ".50)");
    }

    public String downgrade(int i) {
        return "DROP TABLE " + table(i);
    }

    static String table(int i) {
        return String.format(Locale.ROOT, "bench_%05d", i);
    }

    /** Retort's revision id for revision {@code i}: 12 hex digits, sorted like i. */
    static String retortId(int i) {
        return String.format(Locale.ROOT, "%012x", i + 1);
    }

    /** Writes {@code retort/}, {@code flyway/} and {@code liquibase/} folders under {@code root}. */
    public Layout writeAll(Path root) {
        try {
            Path retort = Files.createDirectories(root.resolve("retort"));
            Path flyway = Files.createDirectories(root.resolve("flyway"));
            Path liquibase = Files.createDirectories(root.resolve("liquibase"));
            Path changes = Files.createDirectories(liquibase.resolve("changes"));
            for (int i = 0; i < size; i++) {
                String body = String.join(";\n", statements(i)) + ";\n";
                String revises = i == 0 ? "base" : retortId(i - 1);
                Files.writeString(retort.resolve(retortId(i) + "_create_" + table(i) + ".sql"),
                        "-- revision: " + retortId(i) + "\n-- revises: " + revises + "\n-- message: create "
                                + table(i) + "\n\n-- +upgrade\n" + body + "\n-- +downgrade\n" + downgrade(i) + ";\n",
                        StandardCharsets.UTF_8);
                Files.writeString(flyway.resolve("V" + (i + 1) + "__create_" + table(i) + ".sql"), body,
                        StandardCharsets.UTF_8);
                Files.writeString(changes.resolve(String.format(Locale.ROOT, "%05d_create_%s.sql", i + 1, table(i))),
                        "--liquibase formatted sql\n\n--changeset bench:" + (i + 1) + "\n" + body
                                + "--rollback " + downgrade(i) + ";\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(liquibase.resolve("changelog.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                            http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                      <includeAll path="changes/" relativeToChangelogFile="true"/>
                    </databaseChangeLog>
                    """, StandardCharsets.UTF_8);
            return new Layout(root, retort, flyway, liquibase);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the benchmark workload under " + root, e);
        }
    }

    /** Where each tool's files are. */
    public record Layout(Path root, Path retort, Path flyway, Path liquibase) {
    }

    /** All statements of all revisions, in order, for the plain-JDBC floor. */
    public List<List<String>> allStatements() {
        List<List<String>> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(statements(i));
        }
        return all;
    }
}
