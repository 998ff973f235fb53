package dev.retort.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI takes from the process around it, so that tests can run it in-process
 * with their own folder, variables and streams instead of {@code user.dir},
 * {@code System.getenv()} and {@code System.out}.
 *
 * @param workingDirectory the folder relative paths and {@code retort.properties} are read from
 * @param variables        the environment variables ({@code RETORT_URL}, ...)
 * @param out              standard output: results, plans, JSON
 * @param err              standard error: error lines, warnings
 */
public record CliEnvironment(Path workingDirectory, Map<String, String> variables, PrintWriter out, PrintWriter err) {

    public CliEnvironment {
        workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The real process: current folder, real environment, System.out and System.err. */
    public static CliEnvironment system() {
        return new CliEnvironment(Path.of("").toAbsolutePath(), System.getenv(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
}
