package dev.retort.cli.command;

import dev.retort.cli.CliEnvironment;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.Workspace;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the parent (settings, environment), {@code -h}, and the
 * streams to print to. Subclasses return an exit code from {@link #run()} and leave errors to
 * propagate to the CLI's error handler.
 */
abstract class SubCommand implements Callable<Integer> {

    @ParentCommand
    private RetortCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    protected abstract int run() throws Exception;

    protected RetortCommand root() {
        return root;
    }

    protected CliEnvironment environment() {
        return root.environment();
    }

    protected Workspace workspace() {
        return root.workspace(settingFlags());
    }

    /**
     * Settings given as options of this subcommand rather than as global options, keyed by
     * setting key ({@code lock-timeout}); they take the flag's place in the settings' precedence.
     */
    protected Map<String, String> settingFlags() {
        return Map.of();
    }

    protected PrintWriter out() {
        return root.environment().out();
    }

    protected PrintWriter err() {
        return root.environment().err();
    }

    protected boolean verbose() {
        return root.verbose();
    }
}
