package dev.retort.cli.command;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every subcommand (the top level also has {@code --version}). */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 0, description = "Show this help message and exit.")
    private boolean help;
}
