package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link ProcessMain} in fresh JVMs: the wall time of an up-to-date restart (JVM start
 * to exit) and the wall time and peak RSS of whole-process fresh applies.
 */
final class ProcessProbe {

    /** What one tool costs as a whole process on one database: the restart and each size applied. */
    record Result(Stats restartMillis, long restartPeakRssKib, List<Apply> applies) {

        /** The apply of {@code n} revisions, or null when that size was not run. */
        Apply apply(int n) {
            return applies.stream().filter(a -> a.n() == n).findFirst().orElse(null);
        }
    }

    /** One whole-process fresh apply of {@code n} revisions: its wall time and peak RSS. */
    record Apply(int n, double millis, long peakRssKib) {
    }

    private final Path work;

    ProcessProbe(Path work) {
        this.work = work;
    }

    /**
     * Restarts {@code runs} times with {@code n} revisions applied, then applies each of
     * {@code applySizes} once in a fresh JVM on a database of its own.
     */
    Result measure(String tool, Target.Kind kind, int n, int runs, List<Integer> applySizes) throws Exception {
        Workload workload = new Workload(n);
        Workload.Layout layout = workload.writeAll(work.resolve("process-" + n));
        List<Double> samples = new ArrayList<>();
        long restartRss;
        String h2File = "jdbc:h2:file:" + work.resolve("h2-" + tool + "-" + System.nanoTime()).resolve("db");
        try (Target target = kind == Target.Kind.H2 ? null : Target.create(kind, false)) {
            String url = target == null ? h2File : target.url();
            String schema = target == null ? "PUBLIC" : target.schema();
            run(tool, kind, url, schema, layout, n, false);
            run(tool, kind, url, schema, layout, n, true);
            long rss = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                rss = Math.max(rss, run(tool, kind, url, schema, layout, n, true));
                samples.add((System.nanoTime() - start) / 1e6);
            }
            restartRss = rss;
        }
        // Peak memory of whole-process fresh applies, each on a database of its own.
        List<Apply> applies = new ArrayList<>();
        for (int size : applySizes) {
            Workload.Layout files = size == n ? layout : new Workload(size).writeAll(work.resolve("process-" + size));
            try (Target target = kind == Target.Kind.H2 ? null : Target.create(kind, false)) {
                String url = target == null ? "jdbc:h2:mem:apply" : target.url();
                String schema = target == null ? "PUBLIC" : target.schema();
                long start = System.nanoTime();
                long rss = run(tool, kind, url, schema, files, size, false);
                applies.add(new Apply(size, (System.nanoTime() - start) / 1e6, rss));
            }
        }
        return new Result(new Stats(samples), restartRss, List.copyOf(applies));
    }

    /** Runs one child JVM and returns its peak RSS in KiB. */
    private static long run(String tool, Target.Kind kind, String url, String schema, Workload.Layout layout, int n,
                            boolean restart) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                "-Dliquibase.analytics.enabled=false", "-Dliquibase.showBanner=false",
                "-cp", System.getProperty("java.class.path"),
                ProcessMain.class.getName(), tool, kind.name().toLowerCase(Locale.ROOT), url, schema,
                layout.root().toString(), Integer.toString(n), restart ? "restart" : "apply");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The " + tool + " process on " + kind + " exited with " + exit + ":\n" + output);
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("peak_rss_kib=")) {
                return Long.parseLong(line.substring("peak_rss_kib=".length()).trim());
            }
        }
        return -1;
    }
}
