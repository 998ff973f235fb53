package dev.retort.dialect;

import java.sql.SQLException;

/** A held migration lock. {@link #close()} releases it; closing the connection releases it too. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;
}
