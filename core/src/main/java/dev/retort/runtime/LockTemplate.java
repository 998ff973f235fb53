package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquire the schema's migration lock, run the work, release the lock in {@code finally}. A
 * release failure after an error is logged and attached as suppressed, never allowed to hide
 * the error.
 */
public final class LockTemplate {

    /** Work done while the lock is held. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LockTemplate.class);

    private final Dialect dialect;
    private final String schema;
    private final String versionTable;
    private final Duration timeout;

    public LockTemplate(Dialect dialect, String schema, String versionTable, Duration timeout) {
        this.dialect = dialect;
        this.schema = schema;
        this.versionTable = versionTable;
        this.timeout = timeout;
    }

    /**
     * Runs {@code work} holding the lock: on {@code connection} itself, or, for dialects whose
     * lock is an open transaction, on a connection of its own from {@code dataSource}.
     */
    public <T> T execute(Connection connection, DataSource dataSource, Work<T> work) throws SQLException {
        Connection lockConnection = dialect.lockNeedsOwnConnection() ? dataSource.getConnection() : connection;
        Throwable failure = null;
        MigrationLock lock = null;
        try {
            lock = dialect.lock(lockConnection, schema, versionTable, timeout);
            LOG.debug("Acquired the migration lock of schema {} ({})", schema, versionTable);
            return work.run();
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (lock != null) {
                release(lock, failure);
            }
            if (lockConnection != connection) {
                closeQuietly(lockConnection, failure);
            }
        }
    }

    private void release(MigrationLock lock, Throwable failure) {
        try {
            lock.close();
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
                LOG.warn("Could not release the migration lock of schema {} after a failure (the lock ends with the "
                        + "connection): {}", schema, e.getMessage());
            } else {
                LOG.warn("Could not release the migration lock of schema {}; it ends when the connection closes: {}",
                        schema, e.getMessage());
            }
        }
    }

    private static void closeQuietly(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
            LOG.warn("Could not close the migration lock's connection: {}", e.getMessage());
        }
    }
}
