/**
 * The {@code retort} command line: the entry point ({@link dev.retort.cli.RetortCli}), the
 * top-level command with its global options, and the one place that turns errors into a
 * line on stderr and an exit code. Public API only in that {@link dev.retort.cli.RetortCli#execute}
 * is the supported way to run the tool in-process (tests, build plugins); everything else is
 * internal to the CLI.
 */
package dev.retort.cli;
