package dev.retort.script;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ResolvedModule;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds and parses every {@code *.sql} file under each location, recursively.
 *
 * <ul>
 *   <li>{@code classpath:db/migrations}: through Spring's {@link PathMatchingResourcePatternResolver}
 *       ({@code classpath*:}), so folders of the same name in several jars and class folders all
 *       count, inside jars too;</li>
 *   <li>{@code filesystem:src/main/resources/db/migrations}: a folder, relative to the working
 *       folder unless absolute;</li>
 *   <li>a location without a prefix is a {@code classpath:} location, as in Flyway and Spring Boot.</li>
 * </ul>
 * Files load in a deterministic order: locations in the order given, and within a location by
 * path (code point order). A missing location, an unreadable or malformed file, and a revision
 * id declared by two files are problems; all problems of a load are thrown together as one
 * {@link ScriptLoadException}.
 */
public final class ScriptLoader {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    /** Another scheme ("file:", "s3:"); two letters at least, so "C:\..." stays a path. */
    private static final Pattern OTHER_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final ClassLoader classLoader;
    /** Whether class path folders are searched by Spring's resolver alone (see {@link #listRoot}). */
    private final boolean springSearch;

    /** @param classLoader where {@code classpath:} locations are looked up; null for the thread's context class loader */
    public ScriptLoader(ClassLoader classLoader) {
        this(classLoader, ApplicationModules.PRESENT);
    }

    /** For tests: {@code springSearch} forces the search that applications on the module path get. */
    ScriptLoader(ClassLoader classLoader, boolean springSearch) {
        this.classLoader = classLoader != null ? classLoader : defaultClassLoader();
        this.springSearch = springSearch;
    }

    /**
     * Loads and parses every script under {@code locations}.
     *
     * @throws ScriptLoadException with every problem found, when there is any
     */
    public List<MigrationScript> load(List<String> locations) {
        Loaded loaded = loadAll(locations);
        if (!loaded.problems().isEmpty()) {
            throw new ScriptLoadException(loaded.problems());
        }
        return loaded.scripts().stream().map(LoadedScript::script).toList();
    }

    /**
     * A parsed file with the lines of its header keys, and where it came from ({@code source}: a
     * URL for class path files, worked out only when a message needs it).
     */
    record LoadedScript(MigrationScript script, Map<String, Integer> keyLines, Supplier<String> source) {
    }

    /**
     * What a load found: the scripts without problems (load order), every problem, and the
     * revision ids of files that have problems but a valid {@code revision} header.
     */
    record Loaded(List<LoadedScript> scripts, List<ScriptProblem> problems, List<String> brokenRevisions) {
    }

    Loaded loadAll(List<String> locations) {
        Objects.requireNonNull(locations, "locations");
        List<ScriptProblem> problems = new ArrayList<>();
        List<LoadedScript> scripts = new ArrayList<>();
        if (locations.isEmpty()) {
            problems.add(new ScriptProblem("(no location)", 0, "no migration locations are configured; give at "
                    + "least one, e.g. 'classpath:db/migrations' or 'filesystem:src/main/resources/db/migrations'."));
        }
        Map<String, LoadedScript> byRevision = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        if (!locations.isEmpty()) {
            Checksums.prepareInBackground();
        }
        for (String location : locations) {
            List<SourceFile> files = find(location, problems);
            List<Read> reads = readAndParse(files);
            if (reads.stream().anyMatch(read -> read.problem() != null && read.file().listedByName())) {
                // A name ending in .sql that is no readable file (a folder, a broken link): list
                // the folder again with every entry's attributes, as a walk sees them.
                files = walkFiles(location, location.strip().substring(FILESYSTEM.length()), problems);
                reads = readAndParse(files);
            }
            // Problems in the order a one-by-one load finds them: unreadable files first, then the
            // problems of each parsed file, in file order.
            for (Read read : reads) {
                if (read.problem() != null) {
                    problems.add(read.problem());
                }
            }
            for (Read read : reads) {
                ScriptParser.Parsed parsed = read.parsed();
                if (parsed == null) {
                    continue;
                }
                SourceFile file = read.file();
                problems.addAll(parsed.problems());
                if (parsed.script() == null) {
                    if (parsed.revision() != null && !broken.contains(parsed.revision())) {
                        broken.add(parsed.revision());
                    }
                    continue;
                }
                LoadedScript script = new LoadedScript(parsed.script(), parsed.keyLines(), file.source());
                LoadedScript earlier = byRevision.putIfAbsent(parsed.script().revision(), script);
                if (earlier != null) {
                    problems.add(duplicate(earlier, script));
                } else {
                    scripts.add(script);
                }
            }
        }
        broken.removeAll(byRevision.keySet());
        return new Loaded(List.copyOf(scripts), List.copyOf(problems), List.copyOf(broken));
    }

    private static ScriptProblem duplicate(LoadedScript first, LoadedScript second) {
        String id = second.script().revision();
        String firstName = first.script().location();
        String secondName = second.script().location();
        String where = firstName.equals(secondName)
                ? " (the same name twice on the class path: " + first.source().get() + " and " + second.source().get()
                  + "; remove one copy, e.g. an old jar)"
                : "";
        return new ScriptProblem(secondName, second.keyLines().getOrDefault("revision", 1),
                "revision '" + id + "' is also declared by " + firstName + " line "
                        + first.keyLines().getOrDefault("revision", 1) + where + "; each file needs its own "
                        + "revision id: give one of them a new id and update any 'revises' or 'depends-on' that "
                        + "means it.");
    }

    /** Files a location must have before reading and parsing them in parallel pays off. */
    private static final int PARALLEL_THRESHOLD = 64;

    /**
     * One file found under a location, not read yet.
     *
     * @param location the name in messages and {@link MigrationScript#location()}
     * @param source   where exactly it came from (a URL for class path files), for the duplicate message
     */
    private record SourceFile(String location, Path path, Supplier<String> source, Content content,
                              boolean listedByName) {

        SourceFile(String location, Path path, Supplier<String> source, Content content) {
            this(location, path, source, content, false);
        }
    }

    /** Reads a file's bytes; a lambda over the file or the class path resource. */
    @FunctionalInterface
    private interface Content {
        byte[] read() throws IOException;
    }

    /** A file read and parsed ({@code parsed}), or the problem that it could not be read. */
    private record Read(SourceFile file, ScriptProblem problem, ScriptParser.Parsed parsed) {
    }

    /**
     * Reads and parses {@code files}, in parallel when there are many: each file is independent,
     * and with thousands of files reading and parsing is most of a load. The result keeps the
     * order of {@code files}.
     */
    private static List<Read> readAndParse(List<SourceFile> files) {
        Stream<SourceFile> stream = files.size() >= PARALLEL_THRESHOLD ? files.parallelStream() : files.stream();
        return stream.map(ScriptLoader::readAndParse).toList();
    }

    private static Read readAndParse(SourceFile file) {
        byte[] content;
        try {
            content = file.content().read();
        } catch (IOException | UncheckedIOException e) {
            String what = file.path() != null ? "the file" : file.source().get();
            return new Read(file, new ScriptProblem(file.location(), 0, "cannot read " + what + ": " + e), null);
        }
        return new Read(file, null, ScriptParser.read(file.location(), file.path(), content));
    }

    private List<SourceFile> find(String location, List<ScriptProblem> problems) {
        String trimmed = location == null ? "" : location.strip();
        if (trimmed.startsWith(FILESYSTEM)) {
            return findFiles(location, trimmed.substring(FILESYSTEM.length()), problems);
        }
        if (trimmed.startsWith(CLASSPATH)) {
            return findResources(location, trimmed.substring(CLASSPATH.length()), problems);
        }
        if (OTHER_PREFIX.matcher(trimmed).matches()) {
            problems.add(new ScriptProblem(location, 0, "unknown location prefix '"
                    + trimmed.substring(0, trimmed.indexOf(':') + 1) + "'; use 'classpath:' for the class path or "
                    + "'filesystem:' for a folder (no prefix means classpath:)."));
            return List.of();
        }
        return findResources(location, trimmed, problems);
    }

    private List<SourceFile> findFiles(String location, String folderName, List<ScriptProblem> problems) {
        if (folderName.isBlank()) {
            problems.add(new ScriptProblem(location, 0, "the filesystem: location names no folder; write e.g. "
                    + "'filesystem:src/main/resources/db/migrations'."));
            return List.of();
        }
        Path folder = Path.of(folderName).toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            problems.add(new ScriptProblem(location, 0, "the folder " + folder + " does not exist; create it or "
                    + "correct the location."));
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            problems.add(new ScriptProblem(location, 0, folder + " is a file, not a folder; a location names the "
                    + "folder that holds the migration files."));
            return List.of();
        }
        // By name: the files of a folder of migrations are taken to be files without asking for
        // their attributes (a stat per file, most of the listing's time); reading one that is not
        // a regular file fails, and then walkFiles lists the folder again with attributes.
        List<Path> paths = new ArrayList<>();
        try {
            listByName(folder, paths);
        } catch (IOException | UncheckedIOException e) {
            problems.add(new ScriptProblem(location, 0, "cannot list the folder " + folder + ": " + e.getMessage()));
            return List.of();
        }
        paths.sort(Comparator.comparing(Path::toString));
        List<SourceFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            files.add(new SourceFile(path.toString(), path, path::toString, () -> readFile(path), true));
        }
        return files;
    }

    /**
     * The {@code *.sql} names under {@code folder}; entries with other names are asked whether
     * they are folders. {@link File#list()} hands over all names in one call, where a
     * {@link DirectoryStream} builds a {@link Path} and a file name per entry: in a fresh JVM
     * (every CLI command, every service start) listing 1,000 files took about 7 ms against 20.
     */
    private static void listByName(Path folder, List<Path> paths) throws IOException {
        String[] names = folder.getFileSystem() == FileSystems.getDefault() ? folder.toFile().list() : null;
        if (names == null) {
            // Another file system, or File.list failed without saying why: the stream says why.
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                List<String> listed = new ArrayList<>();
                entries.forEach(entry -> listed.add(entry.getFileName().toString()));
                names = listed.toArray(String[]::new);
            }
        }
        for (String name : names) {
            Path entry = folder.resolve(name);
            if (name.endsWith(".sql")) {
                paths.add(entry);
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                listByName(entry, paths);
            }
        }
    }

    /**
     * A file's bytes. {@link FileInputStream} costs about half of {@link Files#readAllBytes} per
     * file in a fresh JVM (no channel to set up), which counts with thousands of files at every
     * start; paths of other file systems go through {@link Files}.
     */
    private static byte[] readFile(Path path) throws IOException {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return Files.readAllBytes(path);
        }
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            return in.readAllBytes();
        }
    }

    /** The files under a folder location as a walk with every entry's attributes finds them. */
    private List<SourceFile> walkFiles(String location, String folderName, List<ScriptProblem> problems) {
        Path folder = Path.of(folderName).toAbsolutePath().normalize();
        List<Path> paths;
        // Files.find hands over the attributes the walk has read anyway; asking Files.isRegularFile
        // for every file would stat it a second time. Links are not followed by the walk, so for a
        // link the target decides, as before.
        try (Stream<Path> found = Files.find(folder, Integer.MAX_VALUE, (p, attributes) ->
                p.getFileName().toString().endsWith(".sql")
                        && (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(p)))) {
            paths = found.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new ScriptProblem(location, 0, "cannot list the folder " + folder + ": " + e.getMessage()));
            return List.of();
        }
        List<SourceFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            files.add(new SourceFile(path.toString(), path, path::toString, () -> readFile(path)));
        }
        return files;
    }

    private List<SourceFile> findResources(String location, String name, List<ScriptProblem> problems) {
        String base = trimSlashes(name);
        if (base.isEmpty()) {
            problems.add(new ScriptProblem(location, 0, "the location names no folder; scanning the whole class path "
                    + "is not supported: write e.g. 'classpath:db/migrations'."));
            return List.of();
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        // Jars may be replaced between loads (the CLI, tests); never answer from a stale listing.
        resolver.setUseCaches(false);
        if (springSearch) {
            // On the module path Spring also searches the modules; leave all of it to Spring there.
            return findResourcesWithSpring(location, base, resolver, problems);
        }
        Resource[] roots;
        try {
            roots = resolver.getResources("classpath*:" + base + "/");
        } catch (IOException e) {
            problems.add(new ScriptProblem(location, 0, "cannot search the class path: " + e.getMessage()));
            return List.of();
        }
        if (roots.length == 0 && classLoader.getResource(base) == null) {
            problems.add(missingFolder(location, base));
            return List.of();
        }
        List<SourceFile> files = new ArrayList<>();
        for (Resource root : roots) {
            try {
                listRoot(base, root, resolver, files);
            } catch (IOException | UncheckedIOException e) {
                problems.add(new ScriptProblem(location, 0, "cannot search " + url(root) + " on the class path: "
                        + e.getMessage()));
            }
        }
        sort(files);
        return files;
    }

    /**
     * Adds the {@code *.sql} files under one class path entry's copy of the location folder.
     * Spring finds the folders (every class folder and jar that has one); the files inside a
     * class folder or a jar are listed here directly, which matches what Spring's
     * {@code classpath*:folder/**}{@code /*.sql} finds there but costs a fraction: no pattern
     * matching per file, and a jar is opened once rather than once per file. Any other kind of
     * class path entry is left to Spring.
     */
    private static void listRoot(String base, Resource root, PathMatchingResourcePatternResolver resolver,
                                 List<SourceFile> files) throws IOException {
        URL url = root.getURL();
        String rootUrl = url.toExternalForm().endsWith("/") ? url.toExternalForm() : url.toExternalForm() + "/";
        if ("file".equals(url.getProtocol())) {
            // Spring's getFile also copes with file URLs that are not valid URIs (unescaped spaces).
            Path folder = root.getFile().toPath();
            // Spring follows links in class folders; Files.find then hands over the target's attributes.
            try (Stream<Path> found = Files.find(folder, Integer.MAX_VALUE, (p, attributes) ->
                    attributes.isRegularFile() && p.getFileName().toString().endsWith(".sql"),
                    FileVisitOption.FOLLOW_LINKS)) {
                found.forEach(path -> files.add(new SourceFile(CLASSPATH + base + "/" + relative(folder, path),
                        null, () -> fileUrl(path), () -> readFile(path))));
            }
            return;
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            String prefix = jar.getEntryName() == null ? "" : jar.getEntryName();
            prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            // Read while the jar is open; only parsing is left for the parallel stage. Reading in
            // that stage instead was measured slower: JarFile.getInputStream and the entry streams
            // synchronise on the jar, so threads only queue for it.
            try (JarFile jarFile = jar.getJarFile()) {
                Enumeration<JarEntry> entries = jarFile.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String entryName = entry.getName();
                    if (entry.isDirectory() || !entryName.startsWith(prefix) || !entryName.endsWith(".sql")) {
                        continue;
                    }
                    String relative = entryName.substring(prefix.length());
                    Content content = readEntry(jarFile, entry);
                    files.add(new SourceFile(CLASSPATH + base + "/" + relative, null, () -> rootUrl + relative,
                            content));
                }
            }
            return;
        }
        for (Resource resource : resolver.getResources(rootUrl + "**/*.sql")) {
            String resourceUrl = url(resource);
            files.add(new SourceFile(CLASSPATH + base + "/" + relative(resourceUrl, List.of(rootUrl)), null,
                    () -> resourceUrl, resource::getContentAsByteArray));
        }
    }

    /** The bytes of a jar entry, or the failure to read them, for the parsing stage. */
    private static Content readEntry(JarFile jarFile, JarEntry entry) {
        try (InputStream in = jarFile.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            return () -> bytes;
        } catch (IOException e) {
            return () -> {
                throw e;
            };
        }
    }

    /** {@code path} below {@code folder} with '/' separators, as in the class path. */
    private static String relative(Path folder, Path path) {
        StringBuilder relative = new StringBuilder();
        for (Path element : folder.relativize(path)) {
            if (relative.length() > 0) {
                relative.append('/');
            }
            relative.append(element);
        }
        return relative.toString();
    }

    /** The URL Spring gives a file in a class folder (computed only for messages: it is slow). */
    private static String fileUrl(Path path) {
        try {
            return path.toUri().toURL().toExternalForm();
        } catch (MalformedURLException e) {
            return path.toString();
        }
    }

    /** The whole search through Spring's resolver, for applications on the module path. */
    private List<SourceFile> findResourcesWithSpring(String location, String base,
                                                     PathMatchingResourcePatternResolver resolver,
                                                     List<ScriptProblem> problems) {
        Resource[] roots;
        Resource[] found;
        try {
            roots = resolver.getResources("classpath*:" + base + "/");
            found = resolver.getResources("classpath*:" + base + "/**/*.sql");
        } catch (IOException e) {
            problems.add(new ScriptProblem(location, 0, "cannot search the class path: " + e.getMessage()));
            return List.of();
        }
        if (found.length == 0 && roots.length == 0 && classLoader.getResource(base) == null) {
            problems.add(missingFolder(location, base));
            return List.of();
        }
        List<String> rootUrls = new ArrayList<>();
        for (Resource root : roots) {
            rootUrls.add(url(root));
        }
        List<SourceFile> files = new ArrayList<>();
        for (Resource resource : found) {
            String url = url(resource);
            String display = CLASSPATH + base + "/" + relative(url, rootUrls);
            files.add(new SourceFile(display, null, () -> url, resource::getContentAsByteArray));
        }
        sort(files);
        return files;
    }

    private static ScriptProblem missingFolder(String location, String base) {
        return new ScriptProblem(location, 0, "the class path has no folder '" + base + "'; create "
                + "src/main/resources/" + base + " (it is copied into the jar), or correct the location.");
    }

    /** Several class path entries may hold the folder; order by name first, then by source. */
    private static void sort(List<SourceFile> files) {
        files.sort(Comparator.comparing(SourceFile::location).thenComparing(file -> file.source().get()));
    }

    /** The path of {@code url} below the location folder, e.g. {@code sub/ae10_add.sql}. */
    private static String relative(String url, List<String> rootUrls) {
        for (String root : rootUrls) {
            String prefix = root.endsWith("/") ? root : root + "/";
            if (url.startsWith(prefix)) {
                return decode(url.substring(prefix.length()));
            }
        }
        return decode(url.substring(url.lastIndexOf('/') + 1));
    }

    private static String decode(String urlPath) {
        return URLDecoder.decode(urlPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toExternalForm();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static String trimSlashes(String name) {
        String result = name.strip();
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScriptLoader.class.getClassLoader();
    }

    /**
     * Whether the application runs named modules of its own (the module path), where Spring's
     * {@code classpath*:} search also looks inside those modules. Spring counts every boot-layer
     * module that is not in the run-time image; those are the modules not loaded from
     * {@code jrt:}. (Asking {@code ModuleFinder.ofSystem()} instead, as Spring does, costs
     * several milliseconds at start-up.)
     */
    private static final class ApplicationModules {

        static final boolean PRESENT = present();

        private static boolean present() {
            for (ResolvedModule module : ModuleLayer.boot().configuration().modules()) {
                Optional<URI> location = module.reference().location();
                if (location.isEmpty() || !"jrt".equals(location.get().getScheme())) {
                    return true;
                }
            }
            return false;
        }
    }
}
