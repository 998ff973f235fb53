package dev.retort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files into a folder for a test and hands out its {@code filesystem:} location. */
final class MigrationFiles {

    private final Path folder;

    MigrationFiles(Path folder) {
        this.folder = folder;
    }

    String location() {
        return "filesystem:" + folder.toAbsolutePath();
    }

    Path folder() {
        return folder;
    }

    /** Writes {@code <id>_<slug>.sql} with a header and the given body (sections and statements). */
    MigrationFiles add(String id, String revises, String message, String body) {
        return write(id, "-- revision: " + id + "\n-- revises: " + revises + "\n-- message: " + message + "\n\n" + body);
    }

    MigrationFiles write(String id, String content) {
        try {
            Files.writeString(folder.resolve(id + "_" + id + ".sql"), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A branched and merged history:
     * <pre>
     *        a1          customers
     *       /  \
     *     b1    c1       orders | customers.email
     *       \  /
     *        m1          audit (merge)
     *        |
     *        d1          products + index
     * </pre>
     */
    static MigrationFiles branchedAndMerged(Path folder) {
        return new MigrationFiles(folder)
                .add("a1", "base", "create customers", """
                        -- +upgrade
                        CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50));
                        -- +downgrade
                        DROP TABLE customers;
                        """)
                .add("b1", "a1", "create orders", """
                        -- +upgrade
                        CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT);
                        -- +downgrade
                        DROP TABLE orders;
                        """)
                .add("c1", "a1", "add email", """
                        -- +upgrade
                        ALTER TABLE customers ADD COLUMN email VARCHAR(100);
                        -- +downgrade
                        ALTER TABLE customers DROP COLUMN email;
                        """)
                .add("m1", "b1, c1", "merge orders and email", """
                        -- +upgrade
                        CREATE TABLE audit (id INT PRIMARY KEY, note VARCHAR(200));
                        INSERT INTO audit (id, note) VALUES (1, 'merged; both branches');
                        -- +downgrade
                        DROP TABLE audit;
                        """)
                .add("d1", "m1", "create products", """
                        -- +upgrade
                        CREATE TABLE products (id INT PRIMARY KEY, sku VARCHAR(20));
                        CREATE INDEX products_sku ON products (sku);
                        -- +downgrade mysql
                        DROP INDEX products_sku ON products;
                        DROP TABLE products;
                        -- +downgrade
                        DROP INDEX products_sku;
                        DROP TABLE products;
                        """);
    }
}
