package dev.retort.cli.command;

import dev.retort.cli.settings.Durations;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --lock-timeout} for the commands that take the schema's migration lock (upgrade,
 * downgrade, stamp, repair). It is a setting like {@code --url}: the flag wins over
 * {@code RETORT_LOCK_TIMEOUT}, {@code lock-timeout} in retort.properties and
 * {@code retort.lock-timeout} in application.properties. Only these commands take it, as the
 * others never wait for the lock.
 */
public final class LockTimeoutOption {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", order = 50,
            description = "How long to wait for another migrator's lock: 30s, 500ms, 2m, PT30S "
                    + "(a bare number is milliseconds; default: 60s).")
    private String lockTimeout;

    /**
     * The flag as a settings entry ({@code lock-timeout}), empty when not given (or given empty,
     * as for the other settings flags). A value that is no duration is a usage error (exit code 2)
     * naming the option, as picocli's own are; the settings parse the text once more, as they
     * parse the other sources.
     */
    Map<String, String> settingFlags(CommandSpec spec) {
        if (lockTimeout == null || lockTimeout.isBlank()) {
            return Map.of();
        }
        try {
            Durations.parse(lockTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--lock-timeout': "
                    + e.getMessage());
        }
        return Map.of("lock-timeout", lockTimeout);
    }
}
