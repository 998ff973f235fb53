package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static final String LF = "-- revision: a1\n-- revises: base\n-- +upgrade\nCREATE TABLE t (id INT);\n";

    private static String sum(String text) {
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void isTheLowercaseHexSha256OfTheFile() {
        // sha256("abc\n") as printed by `printf 'abc\n' | sha256sum`
        assertThat(sum("abc\n")).isEqualTo("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
    }

    @Test
    void crlfAndCrAndLfLineEndingsGiveTheSameChecksum() {
        assertThat(sum(LF.replace("\n", "\r\n"))).isEqualTo(sum(LF));
        assertThat(sum(LF.replace("\n", "\r"))).isEqualTo(sum(LF));
    }

    @Test
    void aUtf8ByteOrderMarkDoesNotChangeTheChecksum() {
        assertThat(sum("\uFEFF" + LF)).isEqualTo(sum(LF));
        assertThat(sum("\uFEFF" + LF.replace("\n", "\r\n"))).isEqualTo(sum(LF));
    }

    @Test
    void aChangedStatementGivesADifferentChecksum() {
        assertThat(sum(LF.replace("INT", "BIGINT"))).isNotEqualTo(sum(LF));
    }

    @Test
    void whitespaceAndCommentsInsideTheFileDoCount() {
        // Only line endings and the BOM are normalised; any other edit is a change to review.
        assertThat(sum(LF + "\n")).isNotEqualTo(sum(LF));
        assertThat(sum(LF.replace("CREATE TABLE", "CREATE  TABLE"))).isNotEqualTo(sum(LF));
        assertThat(sum(LF + "-- reviewed\n")).isNotEqualTo(sum(LF));
    }

    @Test
    void aParsedScriptCarriesTheChecksumOfItsFile() {
        assertThat(ScriptParser.parse("x.sql", null, LF.getBytes(StandardCharsets.UTF_8)).checksum()).isEqualTo(sum(LF));
    }
}
