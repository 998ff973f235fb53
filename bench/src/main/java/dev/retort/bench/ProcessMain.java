package dev.retort.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole-process probe: a fresh JVM that configures one tool, migrates (a fresh apply or
 * an up-to-date restart) and exits, printing its peak resident set size. The parent times it
 * from process start to exit.
 *
 * <p>Arguments: {@code TOOL h2|postgresql URL SCHEMA LAYOUT_ROOT N apply|restart}. Plain JDBC
 * keeps no record, so its restart only connects (the floor every service pays: the JVM, the
 * driver, the pool and the database's own start-up) and its apply runs every statement.
 */
public final class ProcessMain {

    private ProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMain.quietTools();
        String tool = args[0];
        Target.Kind kind = Target.Kind.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        String url = args[2];
        String schema = args[3];
        Path root = Path.of(args[4]);
        int n = Integer.parseInt(args[5]);
        boolean restart = args.length > 6 && args[6].equals("restart");
        Workload workload = new Workload(n);
        Workload.Layout layout = new Workload.Layout(root, root.resolve("retort"), root.resolve("flyway"),
                root.resolve("liquibase"));
        try (Target target = Target.existing(kind, url, schema)) {
            Tool chosen = Tool.byName(tool, workload);
            if (!(restart && !chosen.tracksVersions())) {
                try (Tool.Session session = chosen.open(target, layout)) {
                    session.migrate();
                }
            }
        }
        System.out.println("peak_rss_kib=" + peakRssKib());
    }

    /** VmHWM from /proc: the peak resident set size of this process, in KiB (-1 where unknown). */
    static long peakRssKib() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
