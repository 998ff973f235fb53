package dev.retort.script;

import java.util.Objects;

/**
 * One SQL statement of a migration section, ready to hand to JDBC.
 *
 * @param sql  the statement's text, from its first significant character to its last, without
 *             the terminating {@code ;} and without leading or trailing comments
 * @param line the 1-based line in the migration FILE of the statement's first character that is
 *             neither blank nor part of a comment, so error messages can point at it
 */
public record SqlStatement(String sql, int line) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }
}
