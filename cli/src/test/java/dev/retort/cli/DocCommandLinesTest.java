package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

/**
 * Every {@code retort ...} command line shown on the pages a newcomer reads first names a
 * command and options that {@code retort} accepts: each is parsed by the CLI's own picocli
 * model, without running it. (docs/workflow.md is run for real by {@link WorkflowDocTest}.)
 *
 * <p>Lines in shell code blocks must parse completely. Inline code spans such as
 * {@code `retort merge`} often name a command in prose without its arguments, so for them a
 * missing required argument is fine, but an unknown command or option is not. Synopses such as
 * {@code retort history [-r RANGE] [-v]} are read with every optional part given and the
 * first of {@code a|b} alternatives; a quoted message such as {@code retort upgrade: error: ...}
 * is output, not a command, and is skipped.
 */
class DocCommandLinesTest {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> SHELL_FENCES = Set.of("", "sh", "shell", "bash", "console");
    /** {@code retort <command>} at the start of a shell line, after an optional prompt and variables. */
    private static final Pattern SHELL_LINE = Pattern.compile("^\\s*(?:\\$ )?(?:[A-Z_]+=\\S*\\s+)*(retort\\s+[a-z].*)$");
    private static final Pattern INLINE = Pattern.compile("`(retort\\s+[a-z][^`]*)`");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md", "docs/getting-started.md", "docs/coming-from.md", "docs/troubleshooting.md",
        "docs/cli.md", "docs/revisions.md", "docs/migration-files.md", "docs/engine.md", "docs/spring-boot.md",
        "docs/actuator.md"})
    void everyRetortCommandLineOnThePageIsAcceptedByTheCli(String page) throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        List<String> lines = Files.readAllLines(ROOT.resolve(page));
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = page + " line " + (i + 1);
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).trim() : null;
                continue;
            }
            if (fence != null && SHELL_FENCES.contains(fence)) {
                Matcher shell = SHELL_LINE.matcher(line);
                if (shell.matches()) {
                    checked++;
                    check(shell.group(1), false, where, problems);
                }
            } else if (fence == null) {
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    checked++;
                    check(inline.group(1), true, where, problems);
                }
            }
        }
        assertThat(checked).as("retort command lines on " + page).isPositive();
        assertThat(problems).as("command lines on " + page + " that retort does not accept").isEmpty();
    }

    private static void check(String commandLine, boolean inline, String where, List<String> problems) {
        List<String> args = words(synopsisAsExample(commandLine));
        if (args.size() > 1 && args.get(1).endsWith(":")) {
            return; // "retort upgrade: error: ..." quotes an error message
        }
        try {
            parser().parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        } catch (MissingParameterException e) {
            if (!inline) {
                problems.add(where + ": " + commandLine + " -> " + e.getMessage());
            }
        } catch (ParameterException e) {
            problems.add(where + ": " + commandLine + " -> " + e.getMessage());
        }
    }

    /** {@code [--sql]} as {@code --sql}, {@code REV...} as {@code REV}, {@code text|mermaid|dot} as {@code text}. */
    private static String synopsisAsExample(String commandLine) {
        return commandLine.replaceAll("(?<=[\\w\\]])\\.\\.\\.", "")
                .replaceAll("\\[([^\\[\\]]*)\\]", "$1")
                .replaceAll("(?<=\\s)([\\w-]+)(?:\\|[\\w-]+)+", "$1");
    }

    /** The command model as {@link RetortCli#execute} sets it up; nothing is executed. */
    private static CommandLine parser() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CliEnvironment environment = new CliEnvironment(Path.of("."), Map.of(), sink, sink);
        return new CommandLine(new RetortCommand(environment)).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Shell words: a trailing comment, a redirection or a pipe ends the command; double and single quotes group. */
    private static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (c == '#' || c == '>' || c == '|' || c == '&' || c == ';') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (any) {
                    words.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(current.toString());
        }
        return words;
    }
}
