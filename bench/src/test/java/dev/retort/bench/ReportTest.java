package dev.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/benchmarks.md says about whole processes, from given numbers (no timing here). */
class ReportTest {

    @TempDir
    Path folder;

    private static ProcessProbe.Result result(double restartMillis, long rssMiB) {
        return new ProcessProbe.Result(new Stats(List.of(restartMillis)), rssMiB * 1024,
                List.of(new ProcessProbe.Apply(1000, 1500, rssMiB * 1024), new ProcessProbe.Apply(5000, 6000, 2 * rssMiB * 1024)));
    }

    @Test
    void theWholeProcessTableShowsEveryApplySizeAndTheTargetsNameAFloorAbove400Ms() throws Exception {
        Path out = folder.resolve("benchmarks.md");
        BenchmarkMain.Options options = BenchmarkMain.Options.parse(new String[] {"--out=" + out});
        assertThat(options.processApplySizes()).containsExactly(1000, 5000);
        Report report = new Report(options);
        report.process(Target.Kind.H2, "jdbc", result(690, 150));
        report.process(Target.Kind.H2, "retort", result(820, 110));
        report.process(Target.Kind.POSTGRESQL, "jdbc", result(250, 64));
        report.process(Target.Kind.POSTGRESQL, "retort", result(380, 77));
        report.write();

        String md = Files.readString(out);
        assertThat(md).contains("| tool | restart, median ms | restart peak RSS MiB | apply N=1000, ms | "
                + "apply N=1000, peak RSS MiB | apply N=5000, ms | apply N=5000, peak RSS MiB |");
        assertThat(md).contains("| retort | 820 | 110 | 1500 | 110 | 6000 | 220 |");
        assertThat(md).contains("| whole-process restart, H2 (restart: file database; apply: in memory): under 400 ms | 820 ms, of which 690 ms before "
                + "any tool runs (JDBC: start, connect, exit); Retort's own part 130 ms | **no**: the floor alone is over 400 ms |");
        assertThat(md).contains("| whole-process restart, PostgreSQL (loopback): under 400 ms | 380 ms, of which 250 ms "
                + "before any tool runs (JDBC: start, connect, exit); Retort's own part 130 ms | yes |");
        assertThat(md).contains("| peak RSS of a whole-process fresh apply of 1000 revisions on H2: under 150 MiB | 110 MiB | yes |");
    }
}
