package dev.retort.boot;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what Retort shows operators. Engine messages should never carry a
 * password, but a JDBC driver's message may echo a URL, and a failed statement is quoted;
 * this masks {@code password=...}, {@code user:password@} (as HikariCP does for its URLs)
 * and {@code PASSWORD '...'} / {@code IDENTIFIED BY '...'} literals.
 */
public final class Redaction {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password|pwd|passwd)=([^&;\\s,)]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");
    /** A failed statement is quoted in errors; it may set a password ({@code CREATE USER x PASSWORD '...'}). */
    private static final Pattern PASSWORD_LITERAL =
            Pattern.compile("(?i)\\b(password|identified\\s+by)(\\s*=?\\s*)'[^']*'");

    private Redaction() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=<masked>");
        masked = PASSWORD_LITERAL.matcher(masked).replaceAll("$1$2'<masked>'");
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
