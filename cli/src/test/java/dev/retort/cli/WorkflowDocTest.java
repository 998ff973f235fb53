package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/workflow.md: every {@code $ retort ...} line of its {@code console} blocks in
 * order, with each {@code sql} block written into the file the preceding {@code revision} or
 * {@code merge} generated (its header kept, the sections replaced, as a person editing it
 * would). The printed output must match the page, with revision ids and the example folder
 * ({@code /home/me/shop}) as the only differences (so lines may come in another order);
 * {@code ...} in the page skips lines.
 */
class WorkflowDocTest {

    private static final Path PAGE = Path.of("..", "docs", "workflow.md");
    private static final Pattern EXIT_CODE = Pattern.compile("#\\s*exit code (\\d)");
    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+\\.sql) \\.\\.\\.  done");
    private static final Pattern REVISION_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])");

    @TempDir
    Path folder;

    private Path lastGenerated;

    @Test
    void theDailyWorkflowPageRunsAsWritten() throws Exception {
        List<String> lines = Files.readAllLines(PAGE);
        String fence = null;
        List<String> block = new ArrayList<>();
        int commands = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (fence == null) {
                    fence = line.substring(3).trim();
                    block.clear();
                } else {
                    if (fence.equals("console")) {
                        commands += runConsoleBlock(block, i - block.size() + 1);
                    } else if (fence.equals("sql") && String.join("\n", block).contains("-- +upgrade")) {
                        edit(block);
                    }
                    fence = null;
                }
            } else if (fence != null) {
                block.add(line);
            }
        }
        assertThat(commands).as("commands run from the page").isGreaterThan(20);
        assertThat(folder.resolve("upgrade.sql")).content().contains("CREATE TABLE shopping_cart");
    }

    private int runConsoleBlock(List<String> block, int firstLine) {
        int count = 0;
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (!line.startsWith("$ ")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (int j = i + 1; j < block.size() && !block.get(j).startsWith("$ "); j++) {
                expected.add(block.get(j));
            }
            run(line.substring(2), expected, "workflow.md line " + (firstLine + i));
            count++;
        }
        return count;
    }

    private void run(String commandLine, List<String> expectedOutput, String where) {
        int expectedExit = 0;
        Matcher exit = EXIT_CODE.matcher(commandLine);
        if (exit.find()) {
            expectedExit = Integer.parseInt(exit.group(1));
        }
        String command = commandLine.replaceFirst("\\s*#.*$", "");
        String redirect = null;
        int gt = command.indexOf(" > ");
        if (gt >= 0) {
            redirect = command.substring(gt + 3).trim();
            command = command.substring(0, gt);
        }
        List<String> args = split(command);
        assertThat(args.get(0)).as(where).isEqualTo("retort");
        List<String> rest = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            // An H2 path relative to the shell's folder; the test's "shell folder" is the temp folder.
            rest.add(arg.replace("jdbc:h2:file:./", "jdbc:h2:file:" + folder.toAbsolutePath() + "/"));
        }
        Cli.Result result = new Cli(folder).run(rest.toArray(String[]::new));
        assertThat(result.exitCode()).as(where + ": " + commandLine + "\n" + result).isEqualTo(expectedExit);
        Matcher generated = GENERATED.matcher(result.out());
        if (generated.find()) {
            lastGenerated = Path.of(generated.group(1));
        }
        if (redirect != null) {
            try {
                Files.writeString(folder.resolve(redirect), result.out());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        assertOutput(expectedOutput, result, where + ": " + commandLine);
    }

    private void assertOutput(List<String> expected, Cli.Result result, String where) {
        List<String> actual = (result.out() + result.err()).lines().map(this::normalize).toList();
        List<String> wanted = expected.stream().map(this::normalize).toList();
        if (wanted.contains("...")) {
            List<String> fixed = wanted.stream().filter(line -> !line.equals("...")).toList();
            assertThat(actual).as(where).containsAll(fixed);
        } else {
            // Ids are random, and where several revisions are listed their order follows the ids.
            assertThat(actual).as(where).containsExactlyInAnyOrderElementsOf(wanted);
        }
    }

    private String normalize(String line) {
        // The tree of `retort graph` hangs branches in id order; compare its nodes, not its shape.
        line = line.replaceFirst("^[│├└─ ]+(?=\\S)", "");
        return REVISION_ID.matcher(line.replace("/home/me/shop", folder.toAbsolutePath().toString())).replaceAll("<id>");
    }

    /** Keeps the generated header, replaces everything from the first section on with the page's. */
    private void edit(List<String> sqlBlock) throws Exception {
        assertThat(lastGenerated).as("a sql block follows a revision command").isNotNull();
        List<String> header = new ArrayList<>();
        for (String line : Files.readAllLines(lastGenerated)) {
            if (line.startsWith("-- +")) {
                break;
            }
            header.add(line);
        }
        int sections = 0;
        while (!sqlBlock.get(sections).startsWith("-- +")) {
            sections++;
        }
        List<String> text = new ArrayList<>(header);
        text.addAll(sqlBlock.subList(sections, sqlBlock.size()));
        Files.write(lastGenerated, text);
    }

    private static List<String> split(String command) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    parts.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            parts.add(current.toString());
        }
        return parts;
    }
}
