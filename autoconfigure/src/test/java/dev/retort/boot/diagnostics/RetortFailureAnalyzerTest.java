package dev.retort.boot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ChecksumMismatch;
import dev.retort.ChecksumMismatchException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationException;
import dev.retort.NonEmptySchemaException;
import dev.retort.RetortException;
import dev.retort.UnknownRevisionException;
import dev.retort.script.ScriptLoadException;
import dev.retort.script.ScriptProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** What Spring Boot's start-up failure report says for each of Retort's errors. */
class RetortFailureAnalyzerTest {

    private final RetortFailureAnalyzer analyzer = new RetortFailureAnalyzer();

    @Test
    void findsRetortsErrorInsideSpringsBeanCreationException() {
        RetortException error = new LockTimeoutException("Timed out after 60s waiting for the migration lock.",
                Duration.ofSeconds(60), "pid 42");
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("retortMigrationInitializer", "boom", error));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("Timed out after 60s waiting for the migration lock.");
        assertThat(analysis.getAction()).contains("retort.lock-timeout");
    }

    @Test
    void malformedOrMissingFilesPointAtTheFilesAndAtRetortLocations() {
        ScriptLoadException error = new ScriptLoadException(List.of(
                new ScriptProblem("classpath:db/migrations", 0, "location classpath:db/migrations does not exist")));
        FailureAnalysis analysis = analyzer.analyze(error);
        assertThat(analysis.getDescription()).contains("classpath:db/migrations");
        assertThat(analysis.getAction()).contains("retort.locations").contains("retort.enabled=false");
    }

    @Test
    void checksumMismatchesOfferRepairAndTheWarningOnlySetting() {
        ChecksumMismatchException error = new ChecksumMismatchException(
                "1 applied migration file changed: 1a2b3c4d5e6f (classpath:db/migrations/1a2b3c4d5e6f_x.sql)",
                List.of(new ChecksumMismatch("1a2b3c4d5e6f", "classpath:db/migrations/1a2b3c4d5e6f_x.sql", "aa", "bb")));
        FailureAnalysis analysis = analyzer.analyze(error);
        assertThat(analysis.getDescription()).contains("1a2b3c4d5e6f");
        assertThat(analysis.getAction()).contains("retort repair").contains("retort.validate-checksums=false");
    }

    @Test
    void aNonEmptySchemaAsksForABaselineRevision() {
        FailureAnalysis analysis = analyzer.analyze(new NonEmptySchemaException(
                "Schema PUBLIC has tables [CUSTOMERS] but no version table.", "PUBLIC", List.of("CUSTOMERS")));
        assertThat(analysis.getAction()).contains("retort.baseline-revision").contains("retort stamp");
    }

    @Test
    void unknownRevisionsSuggestDeployingTheBuildThatHasThem() {
        FailureAnalysis analysis = analyzer.analyze(new UnknownRevisionException(
                "The database is at revision ffff00001111, which no migration file defines.", List.of("ffff00001111")));
        assertThat(analysis.getAction()).contains("Deploy the build");
    }

    @Test
    void aFailedStatementSaysTheNextStartContinuesAndHowToStayUp() {
        FailureAnalysis analysis = analyzer.analyze(new MigrationException(
                "Revision 2b3c4d5e6f70 failed at classpath:db/migrations/2b3c4d5e6f70_x.sql line 7: syntax error",
                "2b3c4d5e6f70", "classpath:db/migrations/2b3c4d5e6f70_x.sql", 7, "42601", "syntax error", List.of(), null));
        assertThat(analysis.getDescription()).contains("line 7");
        assertThat(analysis.getAction()).contains("retort.on-failure=continue");
    }

    @Test
    void masksPasswordsThatADriverMessageEchoes() {
        FailureAnalysis analysis = analyzer.analyze(new RetortException(
                "Cannot connect to jdbc:postgresql://db/app?user=admin&password=s3cret"));
        assertThat(analysis.getDescription()).doesNotContain("s3cret").contains("password=<masked>");
    }

    @Test
    void leavesOtherFailuresToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }
}
