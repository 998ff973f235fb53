package dev.retort.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code retort} command. {@link #main} runs it for the process and exits
 * with its code; {@link #execute} runs it in-process (tests, build tools) and returns the code.
 */
public final class RetortCli {

    private RetortCli() {
    }

    public static void main(String[] args) {
        DriverLogging.configure(DriverLogging.verboseRequested(args));
        System.exit(execute(CliEnvironment.system(), args));
    }

    /**
     * Runs one {@code retort} command line.
     *
     * @param environment working folder, environment variables and output streams to use
     * @param args        the arguments after {@code retort}
     * @return the exit code ({@link ExitCodes})
     */
    public static int execute(CliEnvironment environment, String... args) {
        RetortCommand root = new RetortCommand(environment);
        ErrorHandler errors = new ErrorHandler(root);
        CommandLine commandLine = new CommandLine(root)
                .setOut(environment.out())
                .setErr(environment.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        HelpLayout.install(commandLine);
        try {
            return commandLine.execute(args);
        } finally {
            environment.out().flush();
            environment.err().flush();
        }
    }
}
