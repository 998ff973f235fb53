package dev.retort.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void passwordParametersAreMaskedWhereverTheyStandInTheQuery() {
        assertThat(Masking.maskUrl("jdbc:postgresql://h/db?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
        assertThat(Masking.maskUrl("jdbc:postgresql://h/db?password=secret&user=u"))
                .isEqualTo("jdbc:postgresql://h/db?password=***&user=u");
        assertThat(Masking.maskUrl("jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=***;MODE=PostgreSQL");
    }

    @Test
    void aPasswordInTheAuthorityIsMasked() {
        assertThat(Masking.maskUrl("jdbc:mariadb://root:secret@localhost:3306/app"))
                .isEqualTo("jdbc:mariadb://root:***@localhost:3306/app");
    }

    @Test
    void urlsWithoutPasswordsAndHostPortsAreLeftAlone() {
        assertThat(Masking.maskUrl("jdbc:postgresql://localhost:5432/app?user=u"))
                .isEqualTo("jdbc:postgresql://localhost:5432/app?user=u");
        assertThat(Masking.hasPassword("jdbc:postgresql://localhost:5432/app")).isFalse();
        assertThat(Masking.maskUrl(null)).isNull();
    }

    @Test
    void messagesHaveUrlsMaskedAndTheLiteralPasswordRemoved() {
        String message = "Could not connect to jdbc:postgresql://h/db?password=topsecret: auth failed for topsecret";
        assertThat(Masking.maskMessage(message, "topsecret"))
                .isEqualTo("Could not connect to jdbc:postgresql://h/db?password=***: auth failed for ***");
    }
}
