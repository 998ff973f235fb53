package dev.retort;

import dev.retort.dialect.Dialects;
import dev.retort.graph.Operation;
import dev.retort.graph.Plan;
import dev.retort.runtime.HistoryOperation;
import dev.retort.runtime.MigrateOperation;
import dev.retort.runtime.OfflineSqlOperation;
import dev.retort.runtime.PlanOperation;
import dev.retort.runtime.RepairOperation;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.StampOperation;
import dev.retort.runtime.StatusOperation;
import dev.retort.runtime.ValidateOperation;
import dev.retort.script.ScriptDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The migration engine: one object per set of migrations and database, configured once and
 * safe to use from several threads (every operation opens its own connection, and runs that
 * change the database hold the schema's migration lock).
 *
 * <pre>{@code
 * Retort retort = Retort.builder()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/migrations")
 *         .build();
 * MigrationResult result = retort.upgrade("head");
 * }</pre>
 *
 * Each operation is a class of its own in {@code dev.retort.runtime}; this facade only holds
 * the configuration and the loaded scripts.
 */
public final class Retort {

    private final RetortConfig config;
    private final List<String> locations;
    private final ScriptDirectory scripts;

    private Retort(RetortConfig config, List<String> locations, ScriptDirectory scripts) {
        this.config = config;
        this.locations = locations;
        this.scripts = scripts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The loaded migration files and their revision graph. */
    public ScriptDirectory scripts() {
        return scripts;
    }

    /** The locations the scripts were loaded from. */
    public List<String> locations() {
        return locations;
    }

    /** The configured schema, null when the connection's current schema is used. */
    public String schema() {
        return config.schema();
    }

    public String versionTable() {
        return config.versionTable();
    }

    public String historyTable() {
        return config.historyTable();
    }

    public TransactionMode transactionMode() {
        return config.transactionMode();
    }

    /**
     * Upgrades to {@code target} ({@code head}, {@code heads}, an id or prefix, {@code label@head},
     * {@code +2}, ...; null means {@code head}).
     *
     * @throws MigrationException          a statement failed (the message says what is left applied)
     * @throws LockTimeoutException        another migrator held the lock longer than the lock timeout
     * @throws UnknownRevisionException    the version table names revisions this build does not know
     * @throws ChecksumMismatchException   applied files changed and checksum validation is on
     * @throws NonEmptySchemaException     tables but no version table, and no baseline revision
     */
    public MigrationResult upgrade(String target) {
        return new MigrateOperation(config, scripts).upgrade(target);
    }

    /**
     * Downgrades to {@code target} ({@code base}, an id, {@code -1}, ...). Refused before anything
     * runs when a revision on the way has no downgrade section ({@link IrreversibleRevisionException}).
     */
    public MigrationResult downgrade(String target) {
        return new MigrateOperation(config, scripts).downgrade(target);
    }

    /** Sets the version table to {@code targets} without running migrations; {@code purge} empties it first. */
    public MigrationResult stamp(List<String> targets, boolean purge) {
        return new StampOperation(config, scripts).stamp(List.copyOf(targets), purge);
    }

    /** What the operation would do now: reads the version table, changes nothing, takes no lock. */
    public Plan plan(Operation operation, List<String> targets, boolean purge) {
        return new PlanOperation(config, scripts).plan(operation, targets == null ? List.of() : List.copyOf(targets), purge);
    }

    /** Where the database stands relative to the loaded migrations. */
    public Status status() {
        return new StatusOperation(config, scripts).status();
    }

    /** The history table's rows, newest first; empty when nothing has run yet. */
    public List<HistoryEntry> history() {
        return new HistoryOperation(config).history();
    }

    /** Checksum drift of applied revisions and unknown revisions in the version table. */
    public ValidationResult validate() {
        return new ValidateOperation(config, scripts).validate();
    }

    /** Records current checksums for changed applied files and removes failed history entries. */
    public RepairResult repair() {
        return new RepairOperation(config, scripts).repair();
    }

    /**
     * The SQL script of an operation for a dialect, without a connection.
     *
     * @param target  {@code head}, {@code FROM:TO} ({@code base:head}, {@code ae10:head}); a
     *                downgrade needs a range ({@code head:base}); a stamp takes {@code [FROM:]REV[,REV...]}
     * @param dialect {@code postgresql}, {@code h2}, {@code mariadb} or {@code mysql}; null: the configured dialect
     */
    public String offlineSql(Operation operation, String target, boolean purge, String dialect) {
        return new OfflineSqlOperation(config, scripts).render(operation, target, purge, dialect);
    }

    /** Configures a {@link Retort}; {@link #build()} loads and checks the migration files. */
    public static final class Builder {

        private DataSource dataSource;
        private List<String> locations = List.of("classpath:db/migrations");
        private ClassLoader classLoader;
        private String schema;
        private String versionTable = "retort_version";
        private String historyTable = "retort_history";
        private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;
        private Duration lockTimeout = Duration.ofSeconds(60);
        private String baselineRevision;
        private boolean validateChecksums = true;
        private String dialect;
        private String appliedBy;
        private final List<MigrationListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The database; without one only {@link #offlineSql} and {@link #scripts()} work. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Where migration files are ({@code classpath:db/migrations}, {@code filesystem:/srv/migrations}). */
        public Builder locations(String... locations) {
            return locations(Arrays.asList(locations));
        }

        public Builder locations(List<String> locations) {
            this.locations = List.copyOf(locations);
            return this;
        }

        /** The class loader for {@code classpath:} locations; default: the thread context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** The schema of the version and history tables; default: the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = blankToNull(schema);
            return this;
        }

        public Builder versionTable(String versionTable) {
            this.versionTable = versionTable;
            return this;
        }

        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        public Builder transactionMode(TransactionMode transactionMode) {
            this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
            return this;
        }

        /** How long to wait for another migrator's lock (default 60 s). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** Stamped first into a non-empty schema that has no version table; null (default): refuse such a schema. */
        public Builder baselineRevision(String baselineRevision) {
            this.baselineRevision = blankToNull(baselineRevision);
            return this;
        }

        /** Whether upgrade refuses when applied migration files changed (default true). */
        public Builder validateChecksums(boolean validateChecksums) {
            this.validateChecksums = validateChecksums;
            return this;
        }

        /** Forces a dialect ({@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb}); null (default): detect. */
        public Builder dialect(String dialect) {
            this.dialect = blankToNull(dialect);
            return this;
        }

        /** Recorded in the history table's applied_by; null (default): the database user. */
        public Builder appliedBy(String appliedBy) {
            this.appliedBy = blankToNull(appliedBy);
            return this;
        }

        /** Adds a listener; may be called several times. */
        public Builder listener(MigrationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Checks the settings and loads the migration files (no database access).
         *
         * @throws dev.retort.script.ScriptLoadException listing every problem in the files
         * @throws IllegalArgumentException              for a bad setting, naming it
         */
        public Retort build() {
            requireName(versionTable, "The version table (retort.version-table, or --version-table on the command line)");
            requireName(historyTable, "The history table (retort.history-table, or --history-table on the command line)");
            if (versionTable.equalsIgnoreCase(historyTable)) {
                throw new IllegalArgumentException("The version table and the history table (retort.version-table and "
                        + "retort.history-table, or --version-table and --history-table on the command line) are both '"
                        + versionTable + "'; they must name different tables.");
            }
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new IllegalArgumentException("The lock timeout (retort.lock-timeout, or lockTimeout(...) on the builder) must be zero or positive, was "
                        + lockTimeout + ".");
            }
            if (locations.isEmpty()) {
                throw new IllegalArgumentException("No migration locations given (retort.locations, or --locations on the command line): name at least "
                        + "one location, e.g. classpath:db/migrations.");
            }
            if (dialect != null) {
                Dialects.forName(dialect);
            }
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            ScriptDirectory scripts = ScriptDirectory.load(locations, loader);
            if (baselineRevision != null && scripts.script(baselineRevision) == null) {
                throw new IllegalArgumentException("retort.baseline-revision is '" + baselineRevision
                        + "', but no migration file in " + String.join(", ", locations) + " declares that revision. "
                        + "Use the full id of an existing revision.");
            }
            RetortConfig config = new RetortConfig(dataSource, schema, versionTable, historyTable, transactionMode,
                    lockTimeout, baselineRevision, validateChecksums, dialect, appliedBy, listeners);
            return new Retort(config, locations, scripts);
        }

        private static void requireName(String name, String property) {
            if (name == null || name.isBlank() || name.length() > 63) {
                throw new IllegalArgumentException(property + " must be a table name of 1 to 63 characters, was '"
                        + name + "'.");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
