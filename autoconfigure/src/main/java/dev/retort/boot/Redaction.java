package dev.retort.boot;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what Retort shows operators. Engine messages should never carry a
 * password, but a JDBC driver's message may echo a URL, and a failed statement is quoted;
 * this masks {@code password=...}, {@code user:password@} (as HikariCP does for its URLs)
 * and {@code PASSWORD '...'} / {@code IDENTIFIED BY '...'} literals, and the user names that
 * drivers quote when a login fails ({@code for user "app"}, {@code role "app" does not exist},
 * {@code Access denied for user 'app'@'host'}).
 */
public final class Redaction {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password|pwd|passwd)=([^&;\\s,)]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");
    /** A failed statement is quoted in errors; it may set a password ({@code CREATE USER x PASSWORD '...'}). */
    private static final Pattern PASSWORD_LITERAL =
            Pattern.compile("(?i)\\b(password|identified\\s+by)(\\s*=?\\s*)'[^']*'");

    /** PostgreSQL: {@code password authentication failed for user "x"}, {@code role "x" does not exist}; MariaDB: {@code for user 'x'@'h'}. */
    private static final Pattern LOGIN_NAME = Pattern.compile("(?i)\\b(for\\s+user|role)(\\s+)([\"'])[^\"']*\\3");
    /** PostgreSQL: {@code no pg_hba.conf entry for host "h", user "x", database "d"}. */
    private static final Pattern PG_HBA_USER = Pattern.compile("(?i)(,\\s*user\\s+)\"[^\"]*\"");

    private Redaction() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=<masked>");
        masked = PASSWORD_LITERAL.matcher(masked).replaceAll("$1$2'<masked>'");
        masked = LOGIN_NAME.matcher(masked).replaceAll("$1$2$3<masked>$3");
        masked = PG_HBA_USER.matcher(masked).replaceAll("$1\"<masked>\"");
        return USER_INFO.matcher(masked).replaceAll("$1:<masked>@");
    }

    public static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        return mask(message);
    }
}
