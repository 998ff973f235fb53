package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.LockTimeoutException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A migrator JVM killed with {@code kill -9} while holding the lock does not block the next run. */
class CrashedMigratorTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aMigratorKilledWhileHoldingTheLockDoesNotBlockTheNextOne(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(), db.url(), db.schema(), "retort_version"))
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.equals("LOCKED")) {
                    // skip anything the child logs before it holds the lock
                }
                assertThat(line).as("child JVM took the lock").isEqualTo("LOCKED");

                try (Connection connection = db.connect()) {
                    Dialect dialect = Dialects.detect(connection);
                    assertThatThrownBy(() -> dialect.lock(connection, db.schema(), "retort_version", Duration.ofMillis(500)))
                            .isInstanceOf(LockTimeoutException.class);

                    holder.destroyForcibly(); // SIGKILL: no shutdown hooks, no unlock
                    assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();

                    long started = System.nanoTime();
                    dialect.lock(connection, db.schema(), "retort_version", Duration.ofSeconds(20)).close();
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                }
            } finally {
                holder.destroyForcibly();
            }
        }
    }
}
