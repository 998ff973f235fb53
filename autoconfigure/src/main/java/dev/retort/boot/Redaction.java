package dev.retort.boot;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what Retort shows operators. Engine messages should never carry a
 * password, but a JDBC driver's message may echo a URL; this masks {@code password=...}
 * and {@code user:password@} forms, as HikariCP does for its URLs.
 */
public final class Redaction {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password|pwd|passwd)=([^&;\\s,)]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");

    private Redaction() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=<masked>");
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
