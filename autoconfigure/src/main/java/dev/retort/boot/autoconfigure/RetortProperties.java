package dev.retort.boot.autoconfigure;

import dev.retort.TransactionMode;
import dev.retort.dialect.Dialects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the migrations Retort runs when the application starts ({@code retort.*}).
 *
 * <p>The class validates itself (Spring Boot calls {@link #validate} while binding), so a
 * bad value stops start-up with a message that names the property, instead of being
 * replaced by a default behind the user's back.
 */
@ConfigurationProperties("retort")
public class RetortProperties implements Validator {

    /** Default location of migration files, also core's default. */
    public static final String DEFAULT_LOCATION = "classpath:db/migrations";

    private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** Whether to run Retort's migrations when the application starts. */
    private boolean enabled = true;

    /** Comma-separated list of locations of migration files ("classpath:" or "filesystem:"; without a prefix "classpath:"). */
    private List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

    /** Revision to upgrade to: "head", "heads", a revision id, "label@head", ... */
    private String target = "head";

    /** When to migrate: "ready" (on ApplicationReadyEvent, while readiness refuses traffic) or "startup" (before beans that need the database, such as JPA). */
    private RunAt runAt = RunAt.READY;

    /** JDBC URL of a separate database connection for migrations; without it the application's DataSource is used. */
    private String url;

    /** User of the migration connection (with "url", or instead of the application DataSource's user). */
    private String user;

    /** Password of the migration connection. */
    private String password;

    /** Schema to migrate and to keep the version and history tables in; without it the connection's current schema. */
    private String schema;

    /** Database dialect to use instead of detecting it from the connection: "postgresql", "h2", "mysql" or "mariadb". */
    private String dialect;

    /** Name of the table that holds the current head revisions. */
    private String versionTable = "retort_version";

    /** Name of the table that records every applied, reverted or stamped revision. */
    private String historyTable = "retort_history";

    /** Transactions around migrations: "per-migration", "all" (one for the whole run) or "none". */
    private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

    /** Whether a migration file changed since it was applied stops the upgrade (otherwise it is logged as a warning). */
    private boolean validateChecksums = true;

    /** How long to wait for another instance's migration lock before giving up. */
    private Duration lockTimeout = Duration.ofSeconds(60);

    /** Revision to stamp a non-empty schema without version table at before upgrading it. */
    private String baselineRevision;

    /** What a failed migration does: "fail" stops start-up, "continue" keeps the application up but not ready. */
    private OnFailure onFailure = OnFailure.FAIL;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public RunAt getRunAt() {
        return runAt;
    }

    public void setRunAt(RunAt runAt) {
        this.runAt = runAt;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getDialect() {
        return this.dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public TransactionMode getTransactionMode() {
        return transactionMode;
    }

    public void setTransactionMode(TransactionMode transactionMode) {
        this.transactionMode = transactionMode;
    }

    public boolean isValidateChecksums() {
        return validateChecksums;
    }

    public void setValidateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public String getBaselineRevision() {
        return baselineRevision;
    }

    public void setBaselineRevision(String baselineRevision) {
        this.baselineRevision = baselineRevision;
    }

    public OnFailure getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(OnFailure onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RetortProperties.class.isAssignableFrom(type);
    }

    /**
     * Checks what the binder cannot: Spring Boot reports each rejected field as
     * {@code retort.<property>} with its value and where it came from.
     */
    @Override
    public void validate(Object target, Errors errors) {
        RetortProperties properties = (RetortProperties) target;
        if (properties.locations == null || properties.locations.isEmpty()) {
            errors.rejectValue("locations", "retort.locations.empty",
                    "retort.locations must name at least one location of migration files, e.g. " + DEFAULT_LOCATION);
        }
        else if (properties.locations.stream().anyMatch(location -> location == null || location.isBlank())) {
            errors.rejectValue("locations", "retort.locations.blank",
                    "retort.locations contains an empty entry; remove the stray comma or name the location");
        }
        if (properties.target == null || properties.target.isBlank()) {
            errors.rejectValue("target", "retort.target.blank",
                    "retort.target must not be empty; use 'head' (the default), 'heads' or a revision id");
        }
        if (properties.lockTimeout == null || properties.lockTimeout.isNegative()) {
            errors.rejectValue("lockTimeout", "retort.lock-timeout.negative",
                    "retort.lock-timeout must be zero (do not wait) or positive, e.g. 60s");
        }
        if (properties.dialect != null && !Dialects.NAMES.contains(properties.dialect.trim().toLowerCase(Locale.ROOT))) {
            errors.rejectValue("dialect", "retort.dialect.unknown", "retort.dialect must be one of "
                    + String.join(", ", Dialects.NAMES) + ", or be left unset to detect the dialect from the connection");
        }
        checkTableName(errors, "versionTable", "retort.version-table", properties.versionTable);
        checkTableName(errors, "historyTable", "retort.history-table", properties.historyTable);
        if (properties.versionTable != null && properties.versionTable.equalsIgnoreCase(properties.historyTable)) {
            errors.rejectValue("historyTable", "retort.history-table.same",
                    "retort.history-table must differ from retort.version-table ('" + properties.versionTable + "')");
        }
        if (properties.baselineRevision != null && !REVISION_ID.matcher(properties.baselineRevision).matches()) {
            errors.rejectValue("baselineRevision", "retort.baseline-revision.invalid",
                    "retort.baseline-revision must be a revision id (1 to 32 letters, digits or underscores)");
        }
        if (properties.url != null && !properties.url.startsWith("jdbc:")) {
            // A global error, not a field error: Spring Boot prints a field's value, and a
            // URL may carry a password.
            errors.reject("retort.url.invalid", "retort.url must be a JDBC URL starting with 'jdbc:' "
                    + "(or be left unset to migrate through the application's DataSource)");
        }
    }

    private static void checkTableName(Errors errors, String field, String property, String value) {
        if (value == null || !TABLE_NAME.matcher(value).matches()) {
            errors.rejectValue(field, "retort.table.invalid",
                    property + " must be a plain table name (letters, digits and underscores, not starting with a digit)");
        }
    }

    /** When Retort migrates, see {@link RetortProperties#getRunAt()}. */
    public enum RunAt {
        /** On {@code ApplicationReadyEvent}: the web server is up, readiness refuses traffic until done. */
        READY,
        /** During context refresh, before beans that depend on database initialization. */
        STARTUP
    }

    /** What a failed migration does to the application. */
    public enum OnFailure {
        /** Start-up fails and the process exits with a non-zero status. */
        FAIL,
        /** The application keeps running, reports the failure and is not ready. */
        CONTINUE
    }
}
