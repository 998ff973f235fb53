package dev.retort.script;

import java.util.Locale;
import java.util.Objects;

/**
 * The lexical rules of one SQL dialect that decide where a statement ends: which quotes and
 * comments exist and how they escape. {@link SqlSplitter} consults these hooks instead of
 * hard-coding one database, so adding a dialect means adding one constant here.
 *
 * @param name                 a short name for messages ({@code postgresql})
 * @param dollarQuotes         whether and how {@code $...$} dollar-quoted strings exist
 * @param nestedBlockComments  whether a block comment inside a block comment nests (PostgreSQL,
 *                             H2), or the first comment end closes both
 * @param backslashEscapes     whether a backslash escapes the next character inside
 *                             {@code '...'} and {@code "..."} (MySQL / MariaDB by default)
 * @param escapeStrings        whether {@code E'...'} strings with backslash escapes exist
 *                             (PostgreSQL)
 * @param hashComments         whether {@code #} starts a line comment (MySQL / MariaDB)
 * @param backtickIdentifiers  whether {@code `...`} quotes identifiers (MySQL / MariaDB)
 * @param dashCommentNeedsSpace whether {@code --} only starts a comment when followed by
 *                             whitespace or the end of the line (MySQL / MariaDB)
 * @param executableComments   whether a block comment starting {@code /*!} is SQL that the server runs
 *                             (MySQL / MariaDB), so it counts as statement text, not a comment
 */
public record SqlSyntax(String name, DollarQuotes dollarQuotes, boolean nestedBlockComments,
                        boolean backslashEscapes, boolean escapeStrings, boolean hashComments,
                        boolean backtickIdentifiers, boolean dashCommentNeedsSpace,
                        boolean executableComments) {

    /** Which dollar-quoted strings a dialect knows. */
    public enum DollarQuotes {
        /** {@code $} is an ordinary character. */
        NONE,
        /** Only {@code $$ ... $$} (H2). */
        UNTAGGED,
        /** {@code $$ ... $$} and {@code $tag$ ... $tag$} (PostgreSQL). */
        TAGGED
    }

    /** PostgreSQL: tagged dollar quotes, nested block comments, {@code E'...'} strings. */
    public static final SqlSyntax POSTGRESQL =
            new SqlSyntax("postgresql", DollarQuotes.TAGGED, true, false, true, false, false, false, false);

    /** H2 (2.x): {@code $$ ... $$} strings, nested block comments, standard quotes. */
    public static final SqlSyntax H2 =
            new SqlSyntax("h2", DollarQuotes.UNTAGGED, true, false, false, false, false, false, false);

    /** MySQL and MariaDB: backslash escapes, {@code #} comments, backticks, {@code /*!} comments. */
    public static final SqlSyntax MYSQL =
            new SqlSyntax("mysql", DollarQuotes.NONE, false, true, false, true, true, true, true);

    public SqlSyntax {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dollarQuotes, "dollarQuotes");
    }

    /**
     * The syntax of a dialect named as in section markers and in {@code retort.dialect}:
     * {@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    public static SqlSyntax forDialect(String dialectName) {
        String name = dialectName == null ? "" : dialectName.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "postgresql":
                return POSTGRESQL;
            case "h2":
                return H2;
            case "mysql":
            case "mariadb":
                return MYSQL;
            default:
                throw new IllegalArgumentException("Unknown dialect '" + dialectName
                        + "'; known dialects: " + String.join(", ", Dialects.KNOWN) + ".");
        }
    }
}
