package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLoaderTest {

    private static final String FIXTURES = "dev/retort/script/fixtures";

    @TempDir
    Path temp;

    private final ScriptLoader loader = new ScriptLoader(ScriptLoaderTest.class.getClassLoader());

    static String file(String revision, String revises) {
        return "-- revision: " + revision + "\n-- revises: " + revises + "\n-- +upgrade\nSELECT 1;\n";
    }

    private List<ScriptProblem> problems(ScriptLoader scriptLoader, String... locations) {
        ScriptLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptLoadException.class,
                () -> scriptLoader.load(List.of(locations)));
        return e.problems();
    }

    @Test
    void loadsEverySqlFileUnderAClasspathLocationRecursivelyInPathOrder() {
        List<MigrationScript> scripts = loader.load(List.of("classpath:" + FIXTURES + "/linear"));
        assertThat(scripts).extracting(MigrationScript::revision).containsExactly("a1", "b2");
        assertThat(scripts).extracting(MigrationScript::location).containsExactly(
                "classpath:" + FIXTURES + "/linear/a1_first.sql", "classpath:" + FIXTURES + "/linear/sub/b2_second.sql");
        assertThat(scripts.get(0).path()).isNull();
        assertThat(scripts.get(0).message()).isEqualTo("first");
    }

    @Test
    void aLocationWithoutPrefixIsAClasspathLocation() {
        assertThat(loader.load(List.of(FIXTURES + "/linear/"))).extracting(MigrationScript::location)
                .containsExactly("classpath:" + FIXTURES + "/linear/a1_first.sql",
                        "classpath:" + FIXTURES + "/linear/sub/b2_second.sql");
    }

    @Test
    void anExistingFolderWithoutScriptsLoadsNothing() {
        assertThat(loader.load(List.of("classpath:" + FIXTURES + "/empty"))).isEmpty();
    }

    @Test
    void loadsScriptsFromInsideAJar() throws IOException {
        Path jar = jar(temp.resolve("migrations.jar"), Map.of(
                "db/migrations/b2_second.sql", file("b2", "a1"),
                "db/migrations/2026/a1_first.sql", file("a1", "base"),
                "db/migrations/notes.txt", "ignored"));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<MigrationScript> scripts = new ScriptLoader(classLoader).load(List.of("classpath:db/migrations"));
            assertThat(scripts).extracting(MigrationScript::location).containsExactly(
                    "classpath:db/migrations/2026/a1_first.sql", "classpath:db/migrations/b2_second.sql");
            assertThat(scripts.get(0).checksum()).isEqualTo(
                    Checksums.sha256(file("a1", "base").getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aRevisionInTwoJarsNamesBothCopies() throws IOException {
        Path one = jar(temp.resolve("one.jar"), Map.of("db/migrations/a1_first.sql", file("a1", "base")));
        Path two = jar(temp.resolve("two.jar"), Map.of("db/migrations/a1_first.sql", file("a1", "base")));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {one.toUri().toURL(), two.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(problems(new ScriptLoader(classLoader), "classpath:db/migrations")).singleElement()
                    .satisfies(p -> assertThat(p.toString())
                            .startsWith("classpath:db/migrations/a1_first.sql line 1: revision 'a1' is also declared "
                                    + "by classpath:db/migrations/a1_first.sql line 1 (the same name twice on the "
                                    + "class path: jar:")
                            .contains("one.jar!/db/migrations/a1_first.sql and jar:")
                            .contains("two.jar!/db/migrations/a1_first.sql; remove one copy"));
        }
    }

    @Test
    void aFolderInAClassFolderAndInAJarLoadsAsOneInNameOrder() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/db/migrations/sub"));
        Files.writeString(classes.resolve("c3_third.sql"), file("c3", "b2"));
        Path jar = jar(temp.resolve("lib.jar"), Map.of(
                "db/migrations/b2_second.sql", file("b2", "a1"),
                "db/migrations/a1_first.sql", file("a1", "base"),
                "db/other/x1_elsewhere.sql", file("x1", "base")));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL(),
            jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<MigrationScript> scripts = new ScriptLoader(classLoader).load(List.of("classpath:db/migrations"));
            assertThat(scripts).extracting(MigrationScript::location).containsExactly(
                    "classpath:db/migrations/a1_first.sql", "classpath:db/migrations/b2_second.sql",
                    "classpath:db/migrations/sub/c3_third.sql");
            assertThat(scripts).extracting(MigrationScript::path).containsOnlyNulls();
            assertThat(scripts.get(2).checksum()).isEqualTo(
                    Checksums.sha256(file("c3", "b2").getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void classFoldersAndJarsListTheFilesThatSpringsResolverFinds() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/db/migrations/sub/deeper"));
        Files.writeString(classes.resolve("c3_third.sql"), file("c3", "b2"));
        Files.writeString(classes.resolve("notes.txt"), "not a migration");
        Files.writeString(temp.resolve("classes/db/migrations/.d4_hidden.sql"), file("d4", "c3"));
        Path jar = jar(temp.resolve("lib.jar"), Map.of(
                "db/migrations/b2_second.sql", file("b2", "a1"),
                "db/migrations/2026/a1_first.sql", file("a1", "base"),
                "db/migrations/readme.md", "not a migration",
                "db/migrations-old/x1_other.sql", file("x1", "base")));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL(),
            jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<MigrationScript> listed = new ScriptLoader(classLoader, false).load(List.of("classpath:db/migrations"));
            List<MigrationScript> bySpring = new ScriptLoader(classLoader, true).load(List.of("classpath:db/migrations"));
            assertThat(listed).extracting(MigrationScript::location).containsExactly(
                    "classpath:db/migrations/.d4_hidden.sql", "classpath:db/migrations/2026/a1_first.sql",
                    "classpath:db/migrations/b2_second.sql", "classpath:db/migrations/sub/deeper/c3_third.sql");
            assertThat(listed).isEqualTo(bySpring);
        }
    }

    @Test
    void aClassFolderWithSpacesInItsPathLoadsEvenFromAnUnescapedUrl() throws IOException {
        Path classes = temp.resolve("my classes");
        Files.writeString(Files.createDirectories(classes.resolve("db/migrations")).resolve("a1 first.sql"),
                file("a1", "base"));
        // Older tools build class path URLs from File.toURL(), which leaves spaces unescaped.
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {new URL("file:" + classes + "/")},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(new ScriptLoader(classLoader).load(List.of("classpath:db/migrations")))
                    .extracting(MigrationScript::location).containsExactly("classpath:db/migrations/a1 first.sql");
        }
    }

    @Test
    void theSameFileInAClassFolderAndInAJarNamesBothCopies() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/db/migrations"));
        Files.writeString(classes.resolve("a1_first.sql"), file("a1", "base"));
        Path jar = jar(temp.resolve("lib.jar"), Map.of("db/migrations/a1_first.sql", file("a1", "base")));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL(),
            temp.resolve("classes").toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertThat(problems(new ScriptLoader(classLoader), "classpath:db/migrations")).singleElement()
                    .extracting(ScriptProblem::message).asString()
                    .contains("(the same name twice on the class path: "
                            + classes.resolve("a1_first.sql").toUri().toURL().toExternalForm() + " and jar:"
                            + jar.toUri().toURL().toExternalForm() + "!/db/migrations/a1_first.sql; remove one copy");
        }
    }

    @Test
    void linkedFoldersInAClassFolderAreFollowedAndFoldersNamedLikeFilesAreNotFiles() throws IOException {
        Path migrations = Files.createDirectories(temp.resolve("classes/db/migrations"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("b2_second.sql"), file("b2", "a1"));
        Files.createSymbolicLink(migrations.resolve("linked"), elsewhere);
        Files.writeString(migrations.resolve("a1_first.sql"), file("a1", "base"));
        Files.writeString(Files.createDirectories(migrations.resolve("old.sql")).resolve("c3_third.sql"),
                file("c3", "b2"));
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(new ScriptLoader(classLoader).load(List.of("classpath:db/migrations")))
                    .extracting(MigrationScript::location).containsExactly("classpath:db/migrations/a1_first.sql",
                            "classpath:db/migrations/linked/b2_second.sql", "classpath:db/migrations/old.sql/c3_third.sql");
        }
        assertThat(loader.load(List.of("filesystem:" + migrations))).extracting(MigrationScript::location)
                .containsExactly(migrations.resolve("a1_first.sql").toString(),
                        migrations.resolve("old.sql/c3_third.sql").toString());
    }

    /**
     * A folder location is listed by name first (no stat per file); names ending in .sql that
     * are no readable files must still end up exactly as a walk with attributes treats them.
     */
    @Test
    void inAFilesystemFolderLinkedFilesLoadAndBrokenLinksAndLinkedFoldersAreIgnored() throws IOException {
        Path migrations = Files.createDirectories(temp.resolve("migrations"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(migrations.resolve("a1_first.sql"), file("a1", "base"));
        Files.writeString(elsewhere.resolve("b2_second.sql"), file("b2", "a1"));
        Files.createSymbolicLink(migrations.resolve("b2_linked.sql"), elsewhere.resolve("b2_second.sql"));
        Files.createSymbolicLink(migrations.resolve("c3_broken.sql"), elsewhere.resolve("missing.sql"));
        Files.createSymbolicLink(migrations.resolve("d4_folder.sql"), elsewhere);

        assertThat(loader.load(List.of("filesystem:" + migrations))).extracting(MigrationScript::location)
                .containsExactly(migrations.resolve("a1_first.sql").toString(), migrations.resolve("b2_linked.sql").toString());
    }

    @Test
    void loadsAFilesystemFolderRecursivelyWithAbsoluteLocations() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("migrations/nested"));
        Files.writeString(temp.resolve("migrations/b2_second.sql"), file("b2", "a1"));
        Files.writeString(folder.resolve("a1_first.sql"), file("a1", "base"));
        Files.writeString(folder.resolve("readme.md"), "not sql");
        List<MigrationScript> scripts = loader.load(List.of("filesystem:" + temp.resolve("migrations")));
        assertThat(scripts).extracting(MigrationScript::revision).containsExactly("b2", "a1");
        assertThat(scripts.get(1).location()).isEqualTo(folder.resolve("a1_first.sql").toString());
        assertThat(scripts.get(1).path()).isEqualTo(folder.resolve("a1_first.sql"));
    }

    @Test
    void severalLocationsLoadInTheOrderGiven() throws IOException {
        Files.writeString(temp.resolve("c3_third.sql"), file("c3", "b2"));
        assertThat(loader.load(List.of("filesystem:" + temp, "classpath:" + FIXTURES + "/linear")))
                .extracting(MigrationScript::revision).containsExactly("c3", "a1", "b2");
    }

    @Test
    void duplicateRevisionIdsAcrossFilesNameBothFiles() throws IOException {
        Files.writeString(temp.resolve("a1_first.sql"), file("a1", "base"));
        Files.writeString(temp.resolve("a2_copy.sql"), "-- message: copy\n" + file("a1", "base"));
        assertThat(problems(loader, "filesystem:" + temp)).singleElement().hasToString(temp.resolve("a2_copy.sql")
                + " line 2: revision 'a1' is also declared by " + temp.resolve("a1_first.sql") + " line 1; each file "
                + "needs its own revision id: give one of them a new id and update any 'revises' or 'depends-on' "
                + "that means it.");
    }

    @Test
    void missingLocationsAreProblems() {
        Path missing = temp.resolve("nope");
        assertThat(problems(loader, "classpath:db/nowhere", "filesystem:" + missing, "file:/x"))
                .extracting(ScriptProblem::toString).containsExactly(
                        "classpath:db/nowhere: the class path has no folder 'db/nowhere'; create "
                                + "src/main/resources/db/nowhere (it is copied into the jar), or correct the location.",
                        "filesystem:" + missing + ": the folder " + missing + " does not exist; create it or correct "
                                + "the location.",
                        "file:/x: unknown location prefix 'file:'; use 'classpath:' for the class path or "
                                + "'filesystem:' for a folder (no prefix means classpath:).");
    }

    @Test
    void aFileInsteadOfAFolderAndEmptyLocationsAreProblems() throws IOException {
        Path file = Files.writeString(temp.resolve("a.sql"), file("a1", "base"));
        assertThat(problems(loader, "filesystem:" + file, "classpath:", "filesystem:"))
                .extracting(ScriptProblem::message).satisfiesExactly(
                        m -> assertThat(m).contains("is a file, not a folder"),
                        m -> assertThat(m).contains("the location names no folder"),
                        m -> assertThat(m).contains("the filesystem: location names no folder"));
        assertThat(problems(loader)).singleElement().extracting(ScriptProblem::message).asString()
                .startsWith("no migration locations are configured");
    }

    @Test
    void problemsOfEveryFileAreReportedTogether() throws IOException {
        Files.writeString(temp.resolve("a1.sql"), "-- revision: a1\n-- revises: base\n-- +upgrade postgres\n");
        Files.writeString(temp.resolve("b2.sql"), "-- revision: b2\n-- revise: a1\n-- +upgrade\n");
        Files.writeString(temp.resolve("c3.sql"), file("c3", "b2"));
        assertThatThrownBy(() -> loader.load(List.of("filesystem:" + temp)))
                .isInstanceOf(ScriptLoadException.class)
                .hasMessageStartingWith("Migration files have 3 problems; nothing was run:\n  - "
                        + temp.resolve("a1.sql") + " line 3: unknown dialect 'postgres'")
                .hasMessageContaining("\n  - " + temp.resolve("b2.sql") + " line 1: missing header key 'revises'")
                .hasMessageContaining("\n  - " + temp.resolve("b2.sql") + " line 2: unknown header key 'revise'; "
                        + "did you mean 'revises'?");
    }

    @Test
    void manyFilesLoadInPathOrderWithTheirProblemsInFileOrder() throws IOException {
        // Enough files that they are read and parsed in parallel; order and problems must not change.
        for (int i = 0; i < 300; i++) {
            String id = String.format("r%03d", i);
            String parent = i == 0 ? "base" : String.format("r%03d", i - 1);
            String text = switch (i) {
                case 40 -> "-- revision: " + id + "\n-- revises: " + parent + "\n-- +upgrade postgres\n";
                case 41 -> file("r007", parent);
                case 250 -> "-- revision: " + id + "\n-- revise: " + parent + "\n-- +upgrade\nSELECT 'x;\n";
                default -> file(id, parent);
            };
            Files.writeString(temp.resolve(id + ".sql"), text);
        }
        assertThat(problems(loader, "filesystem:" + temp)).extracting(ScriptProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(temp.resolve("r040.sql") + " line 3: unknown dialect 'postgres'"),
                p -> assertThat(p).startsWith(temp.resolve("r041.sql") + " line 1: revision 'r007' is also declared by "
                        + temp.resolve("r007.sql") + " line 1"),
                p -> assertThat(p).startsWith(temp.resolve("r250.sql") + " line 1: missing header key 'revises'"),
                p -> assertThat(p).startsWith(temp.resolve("r250.sql") + " line 2: unknown header key 'revise'"),
                p -> assertThat(p).startsWith(temp.resolve("r250.sql") + " line 4: the string starting with ' is "
                        + "never closed"));
        Files.writeString(temp.resolve("r040.sql"), file("r040", "r039"));
        Files.writeString(temp.resolve("r041.sql"), file("r041", "r040"));
        Files.writeString(temp.resolve("r250.sql"), file("r250", "r249"));
        List<MigrationScript> scripts = loader.load(List.of("filesystem:" + temp));
        assertThat(scripts).hasSize(300);
        assertThat(scripts).extracting(MigrationScript::revision).isSorted();
    }

    /** Writes a jar with directory entries, as Maven, Gradle and Spring Boot write them. */
    static Path jar(Path target, Map<String, String> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out)) {
            java.util.Set<String> folders = new java.util.TreeSet<>();
            for (String name : files.keySet()) {
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    folders.add(name.substring(0, i + 1));
                }
            }
            for (String folder : folders) {
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return target;
    }
}
