package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dialect.Dialects;
import dev.retort.dialect.MigrationLock;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection breaks under a run: the error says that the connection was lost and what to
 * check, not that the database refused Retort's bookkeeping (which points at privileges).
 */
class LostConnectionTest {

    @TempDir
    Path folder;

    @Test
    void aMigratorWhoseSessionIsTerminatedWhileItWaitsForTheLockSaysTheConnectionWasLost() throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (TestDatabase db = TestDatabase.postgres(); Connection holder = db.connect()) {
            MigrationLock lock = Dialects.forName("postgresql").lock(holder, db.schema(), "retort_version",
                    Duration.ofSeconds(5));
            Retort retort = Retort.builder().dataSource(db.dataSource()).schema(db.schema())
                    .locations(files.location()).lockTimeout(Duration.ofSeconds(30)).build();
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    retort.upgrade("head");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });

            // As an administrator (or a server restart) would: end the waiting migrator's session.
            int terminated = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            try (Statement statement = holder.createStatement()) {
                while (terminated == 0 && System.nanoTime() < deadline && !run.isDone()) {
                    try (ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE pid <> pg_backend_pid() AND datname = current_database()"
                            + " AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
                            + " AND query LIKE 'SELECT pg_advisory_lock(%'")) {
                        while (rs.next()) {
                            terminated++;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            Throwable failure = run.get(30, TimeUnit.SECONDS);
            lock.close();

            assertThat(terminated).isEqualTo(1);
            assertThat(failure).isInstanceOf(RetortException.class)
                    .hasMessageStartingWith("Lost the connection to the database while upgrade head (schema "
                            + db.schema() + "): SQL state 57P01: ")
                    .hasMessageContaining("terminating connection")
                    .hasMessageContaining("check that the database is up and reachable, then retry");
            try (Statement statement = holder.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                         + db.schema() + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables created by the interrupted run").isZero();
            }
        }
    }
}
