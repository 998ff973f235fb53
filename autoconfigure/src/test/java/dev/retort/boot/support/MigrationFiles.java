package dev.retort.boot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files into a folder, so each test states the scenario it needs. */
public final class MigrationFiles {

    private final Path folder;

    private MigrationFiles(Path folder) {
        this.folder = folder;
    }

    public static MigrationFiles in(Path folder) {
        return new MigrationFiles(folder);
    }

    /** {@code filesystem:} location of the folder, for {@code retort.locations}. */
    public String location() {
        return "filesystem:" + folder.toAbsolutePath();
    }

    public Path folder() {
        return folder;
    }

    /** A revision with an upgrade and a downgrade section. */
    public MigrationFiles revision(String id, String revises, String message, String upgrade, String downgrade) {
        return file(id + "_" + message.replaceAll("[^A-Za-z0-9]+", "_") + ".sql",
                "-- revision: " + id + "\n"
                        + "-- revises: " + revises + "\n"
                        + "-- message: " + message + "\n\n"
                        + "-- +upgrade\n" + upgrade + "\n\n"
                        + "-- +downgrade\n" + downgrade + "\n");
    }

    /** Any file content, e.g. a malformed header. */
    public MigrationFiles file(String name, String content) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
