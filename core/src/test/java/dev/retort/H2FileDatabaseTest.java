package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** H2 databases in files, as a developer's local setup has them. */
class H2FileDatabaseTest {

    @TempDir
    Path folder;

    /**
     * H2 writes every failed statement into {@code <db>.trace.db}; a first run must not leave a
     * "table not found" stack trace there (the version, history and lock tables are looked up
     * in the catalog, never probed by a failing read).
     */
    @Test
    void aFirstRunLeavesNoTraceFileNextToTheDatabase() throws IOException {
        MigrationFiles files = MigrationFiles.branchedAndMerged(Files.createDirectories(folder.resolve("migrations")));
        Path db = folder.resolve("data");
        try (HikariDataSource dataSource = pool("jdbc:h2:file:" + db.resolve("app"))) {
            Retort retort = Retort.builder().dataSource(dataSource).locations(files.location()).build();
            assertThat(retort.status().current()).isEmpty();
            assertThat(retort.history()).isEmpty();
            retort.upgrade("head");
            assertThat(retort.status().upToDate()).isTrue();
        }
        try (Stream<Path> created = Files.list(db)) {
            assertThat(created.map(p -> p.getFileName().toString()).toList()).containsExactly("app.mv.db");
        }
    }

    /** Whatever case H2 folds plain names to, a second run finds the first run's tables and runs nothing. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", ";DATABASE_TO_LOWER=TRUE", ";DATABASE_TO_UPPER=FALSE", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    void aSecondRunFindsTheVersionTableWhateverTheCaseFolding(String settings) throws IOException {
        MigrationFiles files = MigrationFiles.branchedAndMerged(Files.createDirectories(folder.resolve("migrations")));
        try (HikariDataSource dataSource = pool("jdbc:h2:file:" + folder.resolve("data").resolve("app") + settings)) {
            Retort first = Retort.builder().dataSource(dataSource).locations(files.location()).build();
            assertThat(first.upgrade("head").applied()).isNotEmpty();
            Retort second = Retort.builder().dataSource(dataSource).locations(files.location()).build();
            MigrationResult again = second.upgrade("head");
            assertThat(again.applied()).isEmpty();
            assertThat(second.status().current()).isEqualTo(List.of("d1"));
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }
}
