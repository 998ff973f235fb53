package dev.retort.runtime;

import dev.retort.MigrationListener;
import dev.retort.TransactionMode;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The settings of one {@link dev.retort.Retort}, validated by its builder.
 *
 * @param dataSource       null: only offline and script operations work
 * @param schema           null: the connection's current schema (offline: unqualified names)
 * @param versionTable     the version table's name
 * @param historyTable     the history table's name
 * @param transactionMode  how runs use transactions
 * @param lockTimeout      how long to wait for another migrator
 * @param baselineRevision stamped first into a non-empty schema without version table; null: refuse such a schema
 * @param validateChecksums whether upgrade refuses when applied files changed
 * @param dialect          a forced dialect name, null: detect from the connection
 * @param appliedBy        recorded in history; null: the database user
 * @param listeners        called around runs
 */
public record RetortConfig(DataSource dataSource, String schema, String versionTable, String historyTable,
                           TransactionMode transactionMode, Duration lockTimeout, String baselineRevision,
                           boolean validateChecksums, String dialect, String appliedBy, List<MigrationListener> listeners) {

    public RetortConfig {
        listeners = List.copyOf(listeners);
    }
}
