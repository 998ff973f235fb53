package dev.retort.cli.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in anything the CLI prints. JDBC URLs may carry a password as a parameter
 * ({@code ?password=}, {@code &password=}, H2's {@code ;PASSWORD=}) or in the authority
 * ({@code //user:secret@host}); both are replaced by {@code ***}, as HikariCP's
 * {@code maskPasswordInJdbcUrl} does.
 */
public final class Masking {

    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^@/?#]*@");
    // A URL in running text: punctuation right after it belongs to the sentence.
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"]*[^\\s'\".,:;)]");
    // Shorter passwords would mask ordinary words in messages; such passwords are masked
    // wherever they appear in URLs, which is where drivers echo them.
    private static final int MIN_LITERAL_LENGTH = 4;

    private Masking() {
    }

    /** The URL with any password replaced by {@code ***}; null stays null. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }

    /**
     * A message safe to print: JDBC URLs in it masked, and the configured password (when
     * given and not trivially short) replaced wherever it appears verbatim.
     */
    public static String maskMessage(String message, String password) {
        if (message == null) {
            return null;
        }
        Matcher urls = JDBC_URL.matcher(message);
        StringBuilder masked = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(masked, Matcher.quoteReplacement(maskUrl(urls.group())));
        }
        urls.appendTail(masked);
        String result = masked.toString();
        if (password != null && password.length() >= MIN_LITERAL_LENGTH) {
            result = result.replace(password, MASK);
        }
        return result;
    }

    /** Whether the URL carries a password of its own. */
    public static boolean hasPassword(String url) {
        return url != null && !maskUrl(url).equals(url);
    }
}
