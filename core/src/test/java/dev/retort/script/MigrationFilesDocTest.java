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
import org.junit.jupiter.api.Test;

/** Keeps docs/migration-files.md honest: every complete example file in it loads. */
class MigrationFilesDocTest {

    private static final Path DOC = Path.of("..", "docs", "migration-files.md");

    @Test
    void everyExampleFileInTheReferenceParsesAndSplitsForItsDialects() throws IOException {
        String doc = Files.readString(DOC);
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            if (block.group(1).startsWith("-- revision:")) {
                examples.add(block.group(1));
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (String example : examples) {
            MigrationScript script = ScriptParser.parse("docs/migration-files.md", null,
                    example.getBytes(StandardCharsets.UTF_8));
            for (Section section : script.sections()) {
                List<String> dialects = section.unqualified() ? List.of("postgresql", "h2", "mysql") : section.dialects();
                for (String dialect : dialects) {
                    assertThat(script.statements(section, SqlSyntax.forDialect(dialect))).as(example).isNotEmpty();
                }
            }
        }
    }
}
