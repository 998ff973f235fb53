package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.HistoryEntry;
import dev.retort.LockTimeoutException;
import dev.retort.runtime.HistoryTable;
import dev.retort.runtime.VersionTable;
import dev.retort.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect must do, checked against the real database. One subclass per database;
 * a new dialect passes this suite before it is done (see the dialect package's checklist).
 */
abstract class DialectConformanceTest {

    protected TestDatabase db;
    protected Dialect dialect;

    protected abstract TestDatabase.Kind kind();

    protected abstract String expectedName();

    @BeforeEach
    void openDatabase() throws SQLException {
        db = TestDatabase.of(kind());
        try (Connection connection = db.connect()) {
            dialect = Dialects.detect(connection);
        }
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void isDetectedFromTheConnectionAndFoundByName() throws SQLException {
        assertThat(dialect.name()).isEqualTo(expectedName());
        assertThat(Dialects.forName(expectedName()).name()).isEqualTo(expectedName());
        try (Connection connection = db.connect()) {
            assertThat(dialect.currentSchema(connection)).isEqualToIgnoringCase(db.schema());
            assertThat(Dialects.describe(connection)).matches("[A-Za-z0-9]+ [0-9][0-9.]*");
        }
    }

    @Test
    void isDetectedThroughAPoolAndThroughAWrapperThatCannotBeUnwrapped() throws SQLException {
        try (Connection pooled = db.dataSource().getConnection()) {
            assertThat(Dialects.detect(pooled).name()).isEqualTo(expectedName());
        }
        try (Connection connection = db.connect()) {
            // A proxy that refuses unwrap (as some tracing wrappers do) leaves only the metadata.
            Connection opaque = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("unwrap")) {
                            throw new SQLException("not a wrapper");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertThat(Dialects.detect(opaque).name()).isEqualTo(expectedName());
        }
    }

    @Test
    void createsTheVersionAndHistoryTablesInTheConfiguredSchemaOnlyOnce() throws SQLException {
        VersionTable versions = new VersionTable(dialect, db.schema(), "deploy_versions");
        HistoryTable history = new HistoryTable(dialect, db.schema(), "deploy_history");
        try (Connection connection = db.connect()) {
            assertThat(versions.read(connection)).isNull();
            assertThat(dialect.tableExists(connection, db.schema(), "deploy_versions")).isFalse();
            versions.create(connection);
            assertThat(dialect.tableExists(connection, db.schema(), "deploy_versions")).isTrue();
            versions.create(connection);
            history.create(connection);
            history.create(connection);
            assertThat(versions.read(connection)).isEmpty();
            assertThat(lower(dialect.tables(connection, db.schema()))).contains("deploy_versions", "deploy_history");
            assertThat(columns(connection, "deploy_versions")).containsExactly("version_num");
            assertThat(columns(connection, "deploy_history")).containsExactly("id", "revision", "operation", "message",
                    "checksum", "applied_at", "applied_by", "duration_ms", "success");
        }
    }

    @Test
    void versionRowsRoundTripAndAWriteThatMissesItsRowIsCaught() throws SQLException {
        VersionTable versions = new VersionTable(dialect, db.schema(), "retort_version");
        try (Connection connection = db.connect()) {
            versions.create(connection);
            assertThat(apply(connection, versions, List.of(), List.of("a1"))).containsExactly(1);
            assertThat(versions.read(connection)).containsExactly("a1");
            apply(connection, versions, List.of("a1"), List.of("b2", "c3"));
            assertThat(versions.read(connection)).containsExactly("b2", "c3");
            apply(connection, versions, List.of("b2", "c3"), List.of("d4"));
            assertThat(versions.read(connection)).containsExactly("d4");
            // A step that expects a row that is not there touches 0 rows: the executor must refuse it.
            assertThat(apply(connection, versions, List.of("zz"), List.of("e5"))).containsExactly(0);
            apply(connection, versions, List.of("d4"), List.of());
            assertThat(versions.read(connection)).isEmpty();
        }
    }

    @Test
    void historyRowsKeepQuotesBackslashesAndTheDatabaseUserButNoPassword() throws SQLException {
        HistoryTable history = new HistoryTable(dialect, db.schema(), "retort_history");
        String message = "it's a \\back\\slash and \"quotes\" -- not a comment; ünïcödé";
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            assertThat(history.read(connection)).isEmpty();
            history.create(connection);
            statement.execute(history.insertSql("a1", "upgrade", message, "ab".repeat(32), null, 12, true));
            statement.execute(history.insertSql("a1", "upgrade", "again", null, "deployer", 3, false));
            List<HistoryEntry> entries = history.read(connection);
            assertThat(entries).hasSize(2);
            HistoryEntry failed = entries.get(0);
            HistoryEntry applied = entries.get(1);
            assertThat(failed.success()).isFalse();
            assertThat(failed.appliedBy()).isEqualTo("deployer");
            assertThat(applied.message()).isEqualTo(message);
            assertThat(applied.checksum()).isEqualTo("ab".repeat(32));
            assertThat(applied.durationMs()).isEqualTo(12);
            assertThat(applied.appliedAt()).isNotNull();
            assertThat(applied.appliedBy()).isEqualToIgnoringCase(connection.getMetaData().getUserName().split("@")[0]);
            assertThat(history.applied(connection)).containsOnlyKeys("a1");
            assertThat(history.deleteFailed(connection)).isEqualTo(1);
        }
    }

    @Test
    void aSecondLockTimesOutNamingTheSettingAndTheHolder() throws SQLException {
        try (Connection first = db.connect(); Connection second = db.connect()) {
            MigrationLock held = dialect.lock(first, db.schema(), "retort_version", Duration.ofSeconds(5));
            long started = System.nanoTime();
            assertThatThrownBy(() -> dialect.lock(second, db.schema(), "retort_version", Duration.ofMillis(700)))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("retort.lock-timeout")
                    .hasMessageContaining(db.schema())
                    .satisfies(e -> assertHolder((LockTimeoutException) e));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(4));
            held.close();
            dialect.lock(second, db.schema(), "retort_version", Duration.ofSeconds(5)).close();
        }
    }

    /** Subclasses check what the database tells about the lock's holder. */
    protected void assertHolder(LockTimeoutException e) {
    }

    @Test
    void aLockDiesWithItsConnection() throws SQLException {
        Connection first = db.connect();
        dialect.lock(first, db.schema(), "retort_version", Duration.ofSeconds(5));
        first.close();
        try (Connection second = db.connect()) {
            long started = System.nanoTime();
            dialect.lock(second, db.schema(), "retort_version", Duration.ofSeconds(10)).close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void locksOfDifferentVersionTablesDoNotBlockEachOther() throws SQLException {
        try (Connection first = db.connect(); Connection second = db.connect()) {
            try (MigrationLock a = dialect.lock(first, db.schema(), "retort_version", Duration.ofSeconds(2));
                 MigrationLock b = dialect.lock(second, db.schema(), "other_version", Duration.ofSeconds(2))) {
                assertThat(a).isNotNull();
                assertThat(b).isNotNull();
            }
        }
    }

    @Test
    void quotesNamesThatAreNotPlainIdentifiers() throws SQLException {
        assertThat(dialect.quote("retort_version")).isEqualTo("retort_version");
        VersionTable versions = new VersionTable(dialect, db.schema(), "Retort Versions");
        try (Connection connection = db.connect()) {
            versions.create(connection);
            apply(connection, versions, List.of(), List.of("a1"));
            assertThat(versions.read(connection)).containsExactly("a1");
            assertThat(dialect.tables(connection, db.schema())).contains("Retort Versions");
        }
    }

    @Test
    void saysTruthfullyWhetherDdlIsTransactional() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE ddl_probe (id INT)");
            connection.rollback();
            connection.setAutoCommit(true);
            boolean tableSurvived = lower(dialect.tables(connection, db.schema())).contains("ddl_probe");
            assertThat(tableSurvived).isEqualTo(!dialect.transactionalDdl());
        }
    }

    @Test
    void detectsStatementsThatCannotRunInATransaction() {
        assertThat(dialect.requiresAutocommit("CREATE TABLE t (id INT)")).isFalse();
        assertThat(dialect.requiresAutocommit("-- build it without blocking writers\nCREATE INDEX CONCURRENTLY ix ON t (id)"))
                .isEqualTo(dialect.name().equals("postgresql"));
    }

    private static int[] apply(Connection connection, VersionTable versions, List<String> before, List<String> after)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (VersionTable.Change change : versions.changes(before, after)) {
                statement.addBatch(change.sql());
            }
            return statement.executeBatch();
        }
    }

    private List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        String catalog = kind() == TestDatabase.Kind.MARIADB ? db.schema() : null;
        String schema = kind() == TestDatabase.Kind.MARIADB ? null : db.schema();
        String tableName = kind() == TestDatabase.Kind.H2 ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet rs = connection.getMetaData().getColumns(catalog, schema, tableName, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
