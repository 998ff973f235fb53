package dev.retort.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --lock-timeout} values mean what {@code retort.lock-timeout} means to Spring Boot. */
class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "30s, PT30S",
        "30S, PT30S",
        "500ms, PT0.5S",
        "2m, PT2M",
        "1h, PT1H",
        "1d, PT24H",
        "250us, PT0.00025S",
        "1000000ns, PT0.001S",
        "+5s, PT5S",
        "0, PT0S",
        "1500, PT1.5S",
        "PT30S, PT30S",
        "pt1m30s, PT1M30S",
        "P1D, PT24H",
        "' 10s ', PT10S"})
    void acceptsSpringBootsSimpleAndIsoFormats(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "soon      | 'soon' is not a duration; expected a duration such as 30s",
        "1.5s      | '1.5s' is not a duration; expected",
        "30 s      | '30 s' is not a duration; expected",
        "\"\"      | '' is not a duration; expected",
        "5x        | '5x' has an unknown unit 'x'; use ns, us, ms, s, m, h or d (e.g. 30s)",
        "10sec     | '10sec' is not a duration",
        "-5s       | '-5s' is negative; expected a duration",
        "PT-1S     | 'PT-1S' is negative",
        "PTxS      | 'PTxS' is not an ISO-8601 duration; expected",
        "99999999999999999999s | is too long a duration"})
    void refusesAnythingElseSayingWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
