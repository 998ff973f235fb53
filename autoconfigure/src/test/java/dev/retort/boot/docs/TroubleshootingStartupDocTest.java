package dev.retort.boot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ChecksumMismatch;
import dev.retort.ChecksumMismatchException;
import dev.retort.IrreversibleRevisionException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationException;
import dev.retort.NonEmptySchemaException;
import dev.retort.RetortException;
import dev.retort.UnknownRevisionException;
import dev.retort.boot.autoconfigure.RetortAutoConfiguration;
import dev.retort.boot.autoconfigure.RetortConfigurationException;
import dev.retort.boot.diagnostics.RetortFailureAnalyzer;
import dev.retort.graph.MultipleHeadsException;
import dev.retort.graph.ResolutionException;
import dev.retort.script.ScriptLoadException;
import dev.retort.script.ScriptProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The start-up failure report that docs/troubleshooting.md shows is the one a service gets:
 * every <i>Action</i> on the page is the failure analyzer's for that kind of error, and every
 * <i>Reason</i> listed for bad property values is what binding such a value reports.
 */
class TroubleshootingStartupDocTest {

    private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");
    private static String page;

    private final RetortFailureAnalyzer analyzer = new RetortFailureAnalyzer();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.generate-unique-name=false");

    @BeforeAll
    static void readThePage() throws IOException {
        page = Files.readString(PAGE);
    }

    @Test
    void everyActionOfTheFailureReportIsTheOneOnThePage() {
        List<RetortException> errors = List.of(
                new RetortConfigurationException("retort.baseline-revision is 'x', but ..."),
                new ScriptLoadException(List.of(new ScriptProblem("classpath:db/nowhere", 0, "no such folder"))),
                new MultipleHeadsException(List.of("a1", "b1"), "head"),
                new ResolutionException("zzzz", ResolutionException.Reason.UNKNOWN, List.of(), "No revision matches"),
                new ChecksumMismatchException("Refusing to upgrade", List.of(new ChecksumMismatch("a1", "f", "x", "y"))),
                new LockTimeoutException("Timed out", Duration.ofSeconds(60), null),
                new NonEmptySchemaException("Schema PUBLIC already holds tables", "PUBLIC", List.of("LEGACY")),
                new UnknownRevisionException("The version table holds b1", List.of("b1")),
                new MigrationException("Revision c1 failed", "c1", "f", 7, "42S02", "no table", List.of(), null),
                new IrreversibleRevisionException("Cannot downgrade through revision b1", "b1", "f"));
        for (RetortException error : errors) {
            FailureAnalysis analysis = analyzer.analyze(error);
            assertThat(analysis.getDescription()).startsWith("Retort could not migrate the database:");
            assertThat(page).as("the action for %s on the page", error.getClass().getSimpleName())
                    .contains(analysis.getAction());
        }
    }

    @Test
    void everyReasonListedForBadPropertyValuesIsWhatBindingReports() {
        expectReason("retort.locations must name at least one location of migration files, e.g. classpath:db/migrations",
                "retort.locations=");
        expectReason("retort.target must not be empty; use 'head' (the default), 'heads' or a revision id",
                "retort.target= ");
        expectReason("retort.lock-timeout must be zero (do not wait) or positive, e.g. 60s", "retort.lock-timeout=-5s");
        expectReason("retort.version-table must be a plain table name (letters, digits and underscores, not starting "
                + "with a digit)", "retort.version-table=1x");
        expectReason("retort.history-table must differ from retort.version-table ('<name>')",
                "retort.version-table=migrations", "retort.history-table=MIGRATIONS");
        expectReason("retort.baseline-revision must be a revision id (1 to 32 letters, digits or underscores)",
                "retort.baseline-revision=not-an-id!");
        expectReason("retort.url must be a JDBC URL starting with 'jdbc:' (or be left unset to migrate through the "
                + "application's DataSource)", "retort.url=postgres://db/app");
    }

    /** The page lists {@code reason}; binding {@code properties} fails with it ({@code <name>} being the table name given). */
    private void expectReason(String reason, String... properties) {
        assertThat(page).as("docs/troubleshooting.md").contains(reason);
        String expected = reason.replace("<name>", "migrations");
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).as(String.join(", ", properties)).rootCause()
                    .hasMessageContaining(expected);
        });
    }
}
