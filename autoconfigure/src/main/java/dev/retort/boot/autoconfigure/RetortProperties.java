package dev.retort.boot.autoconfigure;

import dev.retort.TransactionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the migrations Retort runs when the application starts ({@code retort.*}).
 *
 * <p>Values are checked while Spring Boot binds them (see {@code RetortPropertiesValidator}),
 * so a bad value stops start-up with a message that names the property, instead of being
 * replaced by a default behind the user's back.
 */
@ConfigurationProperties("retort")
public class RetortProperties {

    /** Default location of migration files, also core's default. */
    public static final String DEFAULT_LOCATION = "classpath:db/migrations";

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
