package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every scenario for every tool in one JVM, on the same machine, and writes the
 * results to {@code docs/benchmarks.md}.
 *
 * <p>A plain harness rather than JMH: each measured operation is a whole migration run of
 * 10 ms to a minute against a real database that must be created fresh for every sample,
 * which is JMH's single-shot mode with per-invocation setup, where JMH adds little but
 * ceremony; and two of the measurements (JVM start to exit, peak RSS) need separate
 * processes that JMH does not time. The harness warms every tool up on the same code paths
 * first, then takes the median of at least five samples per cell.
 *
 * <p>Options: {@code --n=100,1000,5000 --db=h2,postgresql --tools=jdbc,retort,flyway,liquibase
 * --runs=5 --warmup=3 --warmup-seconds=5 --up-to-date-n=1000 --out=docs/benchmarks.md --process=true --quick}
 * ({@code --quick}: N=50,200, 3 runs, for a smoke test).
 */
public final class BenchmarkMain {

    private final Options options;
    private final Report report;

    private BenchmarkMain(Options options) {
        this.options = options;
        this.report = new Report(options);
    }

    public static void main(String[] args) throws Exception {
        quietTools();
        Options options = Options.parse(args);
        BenchmarkMain main = new BenchmarkMain(options);
        main.run();
    }

    /** Liquibase logs every file it reads through java.util.logging; the others log through a no-op SLF4J. */
    private static final java.util.logging.Logger LIQUIBASE_LOGGER = java.util.logging.Logger.getLogger("liquibase");

    /** Same logging cost for every tool: none. Liquibase's analytics are off (no network here anyway). */
    static void quietTools() {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOGGER.setLevel(java.util.logging.Level.WARNING);
    }

    record Options(List<Integer> sizes, List<Target.Kind> databases, List<String> tools, int runs, int warmup,
                   int warmupSeconds, int upToDateSize, Path out, boolean process, int planningSize) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("n", "100,1000,5000");
            values.put("db", "h2,postgresql");
            values.put("tools", "jdbc,retort,flyway,liquibase");
            values.put("runs", "5");
            values.put("warmup", "3");
            values.put("warmup-seconds", "5");
            values.put("up-to-date-n", "1000");
            values.put("out", "docs/benchmarks.md");
            values.put("process", "true");
            values.put("planning-n", "10000");
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    values.put("n", "50,200");
                    values.put("runs", "3");
                    values.put("warmup", "1");
                    values.put("warmup-seconds", "0");
                    values.put("up-to-date-n", "200");
                    values.put("planning-n", "2000");
                    continue;
                }
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected --name=value (see BenchmarkMain)");
                }
                String key = arg.substring(2, arg.indexOf('='));
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("Unknown option --" + key + "; known: " + values.keySet());
                }
                values.put(key, arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(
                    Arrays.stream(values.get("n").split(",")).map(String::trim).map(Integer::parseInt).toList(),
                    Arrays.stream(values.get("db").split(",")).map(String::trim)
                            .map(s -> Target.Kind.valueOf(s.toUpperCase(Locale.ROOT))).toList(),
                    Arrays.stream(values.get("tools").split(",")).map(String::trim).toList(),
                    Integer.parseInt(values.get("runs")),
                    Integer.parseInt(values.get("warmup")),
                    Integer.parseInt(values.get("warmup-seconds")),
                    Integer.parseInt(values.get("up-to-date-n")),
                    Path.of(values.get("out")),
                    Boolean.parseBoolean(values.get("process")),
                    Integer.parseInt(values.get("planning-n")));
        }

        /**
         * Fresh-apply runs for {@code n} revisions: small runs are short and scatter most (a
         * PostgreSQL commit waits for the disk, whose latency wanders on a shared machine), so
         * N &le; 100 gets three times {@code --runs} and N &le; 1000 twice as many.
         */
        int runsFor(int n) {
            return n <= 100 ? 3 * runs : n <= 1000 ? 2 * runs : runs;
        }

        /**
         * The whole-process applies: the up-to-date size (its peak RSS has a target) and the
         * largest fresh-apply size (the issue asks for the peak memory of applying 5,000).
         */
        List<Integer> processApplySizes() {
            int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(upToDateSize);
            return largest == upToDateSize ? List.of(upToDateSize) : List.of(upToDateSize, largest);
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("retort-bench");
        log("workload under " + work);
        report.environment(describeEnvironment());
        warmUp(work);
        freshApply(work);
        upToDateAndStatus(work);
        roundTrips(work);
        planning(work);
        if (options.process()) {
            wholeProcess(work);
        }
        report.write();
        log("wrote " + options.out().toAbsolutePath());
    }

    // ---------------------------------------------------------------- scenarios

    /**
     * Warms every tool up on each database, JMH-style by time: rounds of a fresh apply of 100
     * revisions and five up-to-date starts with status, repeated until the tool has had at least
     * {@code --warmup-seconds} and {@code --warmup} rounds. A fixed count of rounds left the
     * fastest tools' own code (run fewer times in the same wall time) still being compiled while
     * the first cells were measured; the same time for every tool lets each reach its compiled
     * steady state, which is what the in-process numbers are meant to show (the whole-process
     * numbers show the cold start).
     */
    private void warmUp(Path work) throws Exception {
        Workload workload = new Workload(100);
        Workload.Layout layout = workload.writeAll(work.resolve("warmup"));
        long minimumNanos = options.warmupSeconds() * 1_000_000_000L;
        for (Target.Kind kind : options.databases()) {
            for (String name : options.tools()) {
                Tool tool = Tool.byName(name, workload);
                long started = System.nanoTime();
                int rounds = 0;
                while (rounds < options.warmup() || System.nanoTime() - started < minimumNanos) {
                    try (Target target = Target.create(kind, false)) {
                        applyOnce(tool, target, layout);
                        if (tool.tracksVersions()) {
                            for (int j = 0; j < 5; j++) {
                                try (Tool.Session session = tool.open(target, layout)) {
                                    session.migrate();
                                    session.pending();
                                }
                            }
                        }
                    }
                    rounds++;
                }
                log(String.format(Locale.ROOT, "warmed up %s on %s: %d rounds in %.1f s", tool.name(), kind, rounds,
                        (System.nanoTime() - started) / 1e9));
            }
        }
    }

    /**
     * Runs alternate between the tools (run 1: A, B, C; run 2: B, C, A; ...) so that drift in
     * the machine's load, and what one tool's dropped schemas leave the database to clean up,
     * fall on every tool alike instead of on whichever tool happens to run next.
     */
    private void freshApply(Path work) throws Exception {
        for (int n : options.sizes()) {
            Workload workload = new Workload(n);
            Workload.Layout layout = workload.writeAll(work.resolve("n" + n));
            for (Target.Kind kind : options.databases()) {
                List<Tool> tools = options.tools().stream().map(name -> Tool.byName(name, workload)).toList();
                Map<String, List<Double>> samples = new LinkedHashMap<>();
                tools.forEach(tool -> samples.put(tool.name(), new ArrayList<>()));
                for (int run = 0; run < options.runsFor(n); run++) {
                    for (int i = 0; i < tools.size(); i++) {
                        Tool tool = tools.get((run + i) % tools.size());
                        try (Target target = Target.create(kind, false)) {
                            settle();
                            samples.get(tool.name()).add(applyOnce(tool, target, layout));
                        }
                    }
                }
                for (Tool tool : tools) {
                    Stats stats = new Stats(samples.get(tool.name()));
                    report.fresh(kind, n, tool.name(), stats);
                    log(String.format(Locale.ROOT, "fresh apply N=%d %s %s: median %.1f ms", n, kind, tool.name(),
                            stats.median()));
                }
            }
        }
    }

    /**
     * Collects the garbage of whatever ran before (another tool's run, a dropped database)
     * outside the timed section, so that no tool pays for another's allocations.
     */
    static void settle() {
        System.gc();
    }

    private static double applyOnce(Tool tool, Target target, Workload.Layout layout) throws Exception {
        long start = System.nanoTime();
        try (Tool.Session session = tool.open(target, layout)) {
            session.migrate();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private void upToDateAndStatus(Path work) throws Exception {
        int n = options.upToDateSize();
        Workload workload = new Workload(n);
        Workload.Layout layout = workload.writeAll(work.resolve("uptodate" + n));
        for (Target.Kind kind : options.databases()) {
            for (String name : options.tools()) {
                Tool tool = Tool.byName(name, workload);
                if (!tool.tracksVersions()) {
                    continue;
                }
                try (Target target = Target.create(kind, false)) {
                    applyOnce(tool, target, layout);
                    List<Double> start = new ArrayList<>();
                    for (int run = 0; run < options.warmup() + options.runs(); run++) {
                        settle();
                        long t0 = System.nanoTime();
                        try (Tool.Session session = tool.open(target, layout)) {
                            session.migrate();
                        }
                        if (run >= options.warmup()) {
                            start.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                    List<Double> status = new ArrayList<>();
                    try (Tool.Session session = tool.open(target, layout)) {
                        for (int run = 0; run < options.warmup() + options.runs(); run++) {
                            long t0 = System.nanoTime();
                            int pending = session.pending();
                            if (pending != 0) {
                                throw new IllegalStateException(tool.name() + " reports " + pending
                                        + " pending revisions right after applying all of them");
                            }
                            if (run >= options.warmup()) {
                                status.add((System.nanoTime() - t0) / 1e6);
                            }
                        }
                    }
                    report.upToDate(kind, tool.name(), new Stats(start), new Stats(status));
                    log(String.format(Locale.ROOT, "up-to-date N=%d %s %s: start %.1f ms, status %.1f ms", n, kind,
                            tool.name(), new Stats(start).median(), new Stats(status).median()));
                }
            }
        }
    }

    private void roundTrips(Path work) throws Exception {
        int n = 100;
        Workload workload = new Workload(n);
        Workload.Layout layout = workload.writeAll(work.resolve("roundtrips"));
        for (Target.Kind kind : options.databases()) {
            for (String name : options.tools()) {
                Tool tool = Tool.byName(name, workload);
                try (Target target = Target.create(kind, true)) {
                    applyOnce(tool, target, layout);
                    CountingDataSource.Counts fresh = target.counts();
                    CountingDataSource.Counts restart = null;
                    if (tool.tracksVersions()) {
                        ((CountingDataSource) target.dataSource()).reset();
                        try (Tool.Session session = tool.open(target, layout)) {
                            session.migrate();
                        }
                        restart = target.counts();
                    }
                    report.roundTrips(kind, tool.name(), n, fresh, restart);
                }
            }
        }
    }

    private void planning(Path work) throws Exception {
        if (!options.tools().contains("retort")) {
            return;
        }
        int n = options.planningSize();
        Path folder = new Workload(n).writeAll(work.resolve("planning")).retort();
        Map<String, Stats> results = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Integer, Runnable>> scenario : Planning.scenarios(folder).entrySet()) {
            Runnable task = scenario.getValue().apply(n);
            for (int i = 0; i < options.warmup() + 2; i++) {
                task.run();
            }
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < options.runs(); i++) {
                long t0 = System.nanoTime();
                task.run();
                samples.add((System.nanoTime() - t0) / 1e6);
            }
            results.put(scenario.getKey(), new Stats(samples));
            log(String.format(Locale.ROOT, "planning %s N=%d: %.1f ms", scenario.getKey(), n, new Stats(samples).median()));
        }
        report.planning(n, results);
    }

    private void wholeProcess(Path work) throws Exception {
        ProcessProbe probe = new ProcessProbe(work);
        for (Target.Kind kind : options.databases()) {
            for (String name : options.tools()) {
                ProcessProbe.Result result = probe.measure(name, kind, options.upToDateSize(), options.runs(),
                        options.processApplySizes());
                report.process(kind, name, result);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "whole process %s %s: restart %.0f ms",
                        kind, name, result.restartMillis().median()));
                for (ProcessProbe.Apply apply : result.applies()) {
                    line.append(String.format(Locale.ROOT, ", apply N=%d %.0f ms with peak RSS %d MiB", apply.n(),
                            apply.millis(), apply.peakRssKib() / 1024));
                }
                log(line.toString());
            }
        }
    }

    // ---------------------------------------------------------------- environment

    private Map<String, String> describeEnvironment() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Date", LocalDate.now().toString());
        env.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        env.put("Memory", memory());
        env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("Retort", BenchmarkMain.class.getPackage().getImplementationVersion() == null
                ? "0.1.0-SNAPSHOT (this tree)" : BenchmarkMain.class.getPackage().getImplementationVersion());
        env.put("Flyway", mavenVersion("org.flywaydb", "flyway-core") + " (with flyway-database-postgresql)");
        env.put("Liquibase", liquibase.util.LiquibaseUtil.getBuildVersion());
        for (Target.Kind kind : options.databases()) {
            try (Target target = Target.create(kind, false); Connection c = target.dataSource().getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                env.put(kind == Target.Kind.H2 ? "H2" : "PostgreSQL",
                        meta.getDatabaseProductVersion() + " (driver " + meta.getDriverVersion() + ")");
            }
        }
        return env;
    }

    /** The version in a jar's Maven metadata, which every artifact on Central carries. */
    private static String mavenVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (java.io.InputStream in = BenchmarkMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

    static void writeFile(Path path, String text) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
