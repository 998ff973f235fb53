package dev.retort.boot.diagnostics;

import dev.retort.ChecksumMismatchException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationException;
import dev.retort.NonEmptySchemaException;
import dev.retort.RetortException;
import dev.retort.UnknownRevisionException;
import dev.retort.boot.Redaction;
import dev.retort.boot.autoconfigure.RetortConfigurationException;
import dev.retort.graph.MultipleHeadsException;
import dev.retort.graph.RevisionException;
import dev.retort.script.ScriptLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an error Retort raised during start-up into Spring Boot's "APPLICATION FAILED TO
 * START" report. The engine's message (which already names the file, line, revision or
 * setting) becomes the description; the action says which {@code retort.*} property or
 * CLI command fixes it.
 */
public class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
        String description = "Retort could not migrate the database:\n\n" + Redaction.message(cause);
        return new FailureAnalysis(description, action(cause), cause);
    }

    static String action(RetortException cause) {
        if (cause instanceof RetortConfigurationException) {
            return "Correct the retort.* property named above in application.properties (or the environment)."
                    + " To migrate a DataSource other than the primary one, mark it with @RetortDataSource or set"
                    + " retort.url.";
        }
        if (cause instanceof ScriptLoadException) {
            return "Fix the migration files listed above (each problem names its file and line), or point"
                    + " retort.locations at the folder that holds them (default: classpath:db/migrations)."
                    + " To start without migrations, set retort.enabled=false.";
        }
        if (cause instanceof MultipleHeadsException) {
            return "This build has several head revisions, so 'head' is ambiguous. Merge them with"
                    + " `retort merge heads -m \"merge heads\"`, or set retort.target=heads to upgrade every"
                    + " branch, or retort.target=<branch-label>@head to upgrade one.";
        }
        if (cause instanceof RevisionException) {
            return "Check retort.target and the revision ids in the migration files: a target is 'head', 'heads',"
                    + " a revision id or unique prefix, or '<branch-label>@head'.";
        }
        if (cause instanceof ChecksumMismatchException) {
            return "Applied migrations must not change. Restore the files listed above and put the change into a new"
                    + " revision (`retort revision -m \"...\"`). If the edit is harmless (a comment, whitespace), run"
                    + " `retort repair` to record the new checksums, or set retort.validate-checksums=false to only"
                    + " log a warning.";
        }
        if (cause instanceof LockTimeoutException) {
            return "Another instance is migrating the same schema and held the lock longer than retort.lock-timeout."
                    + " Let it finish and restart, or raise retort.lock-timeout (for example retort.lock-timeout=5m).";
        }
        if (cause instanceof NonEmptySchemaException) {
            return "The schema already holds tables but no version table. Set retort.baseline-revision to the revision"
                    + " that matches the existing tables (Retort stamps it there, then upgrades), run"
                    + " `retort stamp <revision>` once, or point retort.schema at an empty schema.";
        }
        if (cause instanceof UnknownRevisionException) {
            return "The database is at revisions this build does not contain. Deploy the build that has them, or,"
                    + " if they were removed on purpose, stamp the database with `retort stamp <revision> --purge`.";
        }
        if (cause instanceof MigrationException) {
            return "Fix the statement in the migration file named above and restart. Revisions before it stay"
                    + " applied (with retort.transaction-mode=per-migration), so the next start continues from"
                    + " the failed revision. To keep the application up despite failed migrations, set"
                    + " retort.on-failure=continue.";
        }
        return "Check the retort.* settings and the migration files named above.";
    }
}
