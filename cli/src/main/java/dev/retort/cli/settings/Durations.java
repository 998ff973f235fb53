package dev.retort.cli.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Spring Boot binds {@code retort.lock-timeout}, so that one value means the same in
 * {@code application.properties}, {@code retort.properties}, a variable and a flag: a number with
 * a unit ({@code 500ms}, {@code 30s}, {@code 2m}; units {@code ns us ms s m h d}, any case), a
 * plain number of milliseconds (Spring's default unit), or ISO-8601 ({@code PT30S}). Negative
 * durations are refused, as the engine refuses them.
 */
public final class Durations {

    /** What a duration looks like, for messages. */
    public static final String EXPECTED = "a duration such as 30s, 500ms, 2m or PT30S (zero or positive; "
            + "a number without a unit is milliseconds, as in Spring Boot)";

    // Spring Boot's DurationStyle.SIMPLE and ISO8601 patterns, written out rather than calling
    // DurationStyle: the CLI does not depend on Spring Boot, and its executable jar would carry
    // spring-boot (about 2 MB) for this one parser.
    private static final Pattern SIMPLE = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
    private static final Pattern ISO_8601 = Pattern.compile("^[+-]?[pP].*$");
    private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS,
            "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS,
            "d", ChronoUnit.DAYS);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and what was expected;
     *                                  callers put the setting's name in front
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        Duration duration;
        Matcher simple = SIMPLE.matcher(value);
        if (simple.matches()) {
            String suffix = simple.group(2).toLowerCase(Locale.ROOT);
            ChronoUnit unit = suffix.isEmpty() ? ChronoUnit.MILLIS : UNITS.get(suffix);
            if (unit == null) {
                throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + simple.group(2)
                        + "'; use ns, us, ms, s, m, h or d (e.g. 30s)");
            }
            try {
                duration = Duration.of(Long.parseLong(simple.group(1)), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration; expected " + EXPECTED);
            }
        } else if (ISO_8601.matcher(value).matches()) {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration; expected " + EXPECTED);
            }
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected " + EXPECTED);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; expected " + EXPECTED);
        }
        return duration;
    }
}
