/**
 * One picocli class per {@code retort} subcommand: each parses its arguments, calls the
 * engine ({@link dev.retort.Retort} or the script directory) and prints. Internal to the CLI.
 */
package dev.retort.cli.command;
