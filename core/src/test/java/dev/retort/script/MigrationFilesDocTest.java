package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the pages honest: every complete example file in them (a {@code sql} block that starts
 * with {@code -- revision:}) loads and splits for its dialects.
 */
class MigrationFilesDocTest {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "docs/migration-files.md, 5",
        "README.md, 1",
        "docs/getting-started.md, 2",
        // No complete file today; any that is added is checked too.
        "docs/coming-from.md, 0"})
    void everyExampleFileOnThePageParsesAndSplitsForItsDialects(String page, int atLeast) throws IOException {
        String doc = Files.readString(ROOT.resolve(page));
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            if (block.group(1).startsWith("-- revision:")) {
                examples.add(block.group(1));
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(atLeast);
        for (String example : examples) {
            MigrationScript script = ScriptParser.parse(page, null, example.getBytes(StandardCharsets.UTF_8));
            for (Section section : script.sections()) {
                List<String> dialects = section.unqualified() ? List.of("postgresql", "h2", "mysql") : section.dialects();
                for (String dialect : dialects) {
                    assertThat(script.statements(section, SqlSyntax.forDialect(dialect))).as(example).isNotEmpty();
                }
            }
        }
    }
}
