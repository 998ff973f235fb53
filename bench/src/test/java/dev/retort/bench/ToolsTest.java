package dev.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The harness measures what it claims: every tool really applies the workload (the tables
 * exist afterwards) and, where it keeps a version table, finds nothing pending on a restart.
 */
class ToolsTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"jdbc,h2", "retort,h2", "flyway,h2", "liquibase,h2",
                "jdbc,postgresql", "retort,postgresql", "flyway,postgresql", "liquibase,postgresql"})
    void everyToolAppliesTheWholeWorkloadAndThenFindsNothingPending(String name, String db) throws Exception {
        BenchmarkMain.quietTools();
        Target.Kind kind = Target.Kind.valueOf(db.toUpperCase(Locale.ROOT));
        if (kind == Target.Kind.POSTGRESQL) {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    System.getenv("RETORT_TEST_POSTGRES_URL") != null
                            || Boolean.parseBoolean(System.getenv("RETORT_TEST_REQUIRE_DATABASES")),
                    "Skipped: set RETORT_TEST_POSTGRES_URL to run the PostgreSQL benchmark smoke test");
        }
        Workload workload = new Workload(5);
        Workload.Layout layout = workload.writeAll(work);
        Tool tool = Tool.byName(name, workload);
        try (Target target = Target.create(kind, true)) {
            try (Tool.Session session = tool.open(target, layout)) {
                session.migrate();
            }
            assertThat(benchTables(target)).containsExactly("bench_00000", "bench_00001", "bench_00002",
                    "bench_00003", "bench_00004");
            assertThat(target.counts().statements()).isGreaterThanOrEqualTo(15);
            if (tool.tracksVersions()) {
                try (Tool.Session session = tool.open(target, layout)) {
                    session.migrate();
                    assertThat(session.pending()).isZero();
                }
            }
        }
    }

    private static List<String> benchTables(Target target) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = target.dataSource().getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String schema = rs.getString("TABLE_SCHEM");
                if (table.startsWith("bench_") && schema.equalsIgnoreCase(target.schema())) {
                    tables.add(table);
                }
            }
        }
        tables.sort(null);
        return tables;
    }
}
