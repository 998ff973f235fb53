package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the CLI in-process, as a user would from a shell in {@code folder} with the given
 * environment variables, and captures what it prints (and, for {@code --json}, reads it).
 */
final class Cli {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final Map<String, String> variables = new LinkedHashMap<>();

    Cli(Path folder) {
        this.folder = folder;
    }

    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Path folder() {
        return folder;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetortCli.execute(new CliEnvironment(folder, variables, new PrintWriter(out, true),
                new PrintWriter(err, true)), args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {

        /** stderr without trailing line break, for one-line assertions. */
        String errLine() {
            return err.strip();
        }

        /** stdout read as one JSON document: what {@code --json} printed. */
        JsonNode json() {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
