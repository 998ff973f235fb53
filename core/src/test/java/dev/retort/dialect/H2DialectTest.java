package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.LockTimeoutException;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class H2DialectTest extends DialectConformanceTest {

    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    protected String expectedName() {
        return "h2";
    }

    /** The lock row is found with one statement on later runs; someone deleting it must not disable the lock. */
    @Test
    void aDeletedLockRowIsPutBackAndStillLocks() throws SQLException {
        H2Dialect dialect = new H2Dialect();
        try (TestDatabase db = TestDatabase.h2(); Connection first = db.connect(); Connection second = db.connect()) {
            dialect.lock(first, "PUBLIC", "retort_version", Duration.ofSeconds(1)).close();
            try (Statement statement = first.createStatement()) {
                first.setAutoCommit(true);
                statement.execute("DELETE FROM retort_version_lock");
            }
            try (MigrationLock held = dialect.lock(first, "PUBLIC", "retort_version", Duration.ofSeconds(1))) {
                assertThatThrownBy(() -> dialect.lock(second, "PUBLIC", "retort_version", Duration.ofMillis(200)))
                        .isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("retort.lock-timeout");
            }
            dialect.lock(second, "PUBLIC", "retort_version", Duration.ofSeconds(1)).close();
            assertThat(second.getAutoCommit()).isFalse(); // the lock is the open transaction; LockTemplate restores
        }
    }
}
