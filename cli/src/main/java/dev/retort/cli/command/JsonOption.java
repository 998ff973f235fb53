package dev.retort.cli.command;

import picocli.CommandLine.Option;

/** {@code --json} for the commands that can print their result as JSON (shapes in docs/cli.md). */
public final class JsonOption {

    @Option(names = "--json", order = 99, description = "Print the result as JSON (errors too: {\"error\": {\"type\", \"message\"}}).")
    private boolean json;

    public boolean enabled() {
        return json;
    }
}
