package dev.retort.boot.autoconfigure;

import dev.retort.dialect.Dialects;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks what the binder cannot in {@link RetortProperties}: Spring Boot reports each
 * rejected field as {@code retort.<property>} with its value and where it came from.
 *
 * <p>Applied while binding through {@link #bindHandlerAdvisor()}, not by making the
 * properties class a {@link Validator}: a properties bean that is a {@code Validator} is a
 * second {@code Validator} bean in every application using the starter, and an application
 * that injects "the" {@code Validator} (as MVC services often do) then fails to start.
 */
final class RetortPropertiesValidator implements Validator {

    private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private static final RetortPropertiesValidator INSTANCE = new RetortPropertiesValidator();

    private RetortPropertiesValidator() {
    }

    /**
     * Wraps each binding of {@code @ConfigurationProperties} in a handler that runs this
     * validator; it acts only on {@link RetortProperties} (see {@link #supports}), and a
     * failure is the same {@code BindValidationException} Spring Boot raises for a
     * self-validating properties class.
     */
    static ConfigurationPropertiesBindHandlerAdvisor bindHandlerAdvisor() {
        return handler -> new ValidationBindHandler(handler, INSTANCE);
    }

    @Override
    public boolean supports(Class<?> type) {
        return RetortProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RetortProperties properties = (RetortProperties) target;
        List<String> locations = properties.getLocations();
        if (locations == null || locations.isEmpty()) {
            errors.rejectValue("locations", "retort.locations.empty",
                    "retort.locations must name at least one location of migration files, e.g. "
                            + RetortProperties.DEFAULT_LOCATION);
        }
        else if (locations.stream().anyMatch(location -> location == null || location.isBlank())) {
            errors.rejectValue("locations", "retort.locations.blank",
                    "retort.locations contains an empty entry; remove the stray comma or name the location");
        }
        if (properties.getTarget() == null || properties.getTarget().isBlank()) {
            errors.rejectValue("target", "retort.target.blank",
                    "retort.target must not be empty; use 'head' (the default), 'heads' or a revision id");
        }
        if (properties.getLockTimeout() == null || properties.getLockTimeout().isNegative()) {
            errors.rejectValue("lockTimeout", "retort.lock-timeout.negative",
                    "retort.lock-timeout must be zero (do not wait) or positive, e.g. 60s");
        }
        String dialect = properties.getDialect();
        if (dialect != null && !Dialects.NAMES.contains(dialect.trim().toLowerCase(Locale.ROOT))) {
            errors.rejectValue("dialect", "retort.dialect.unknown", "retort.dialect must be one of "
                    + String.join(", ", Dialects.NAMES) + ", or be left unset to detect the dialect from the connection");
        }
        String versionTable = properties.getVersionTable();
        checkTableName(errors, "versionTable", "retort.version-table", versionTable);
        checkTableName(errors, "historyTable", "retort.history-table", properties.getHistoryTable());
        if (versionTable != null && versionTable.equalsIgnoreCase(properties.getHistoryTable())) {
            errors.rejectValue("historyTable", "retort.history-table.same",
                    "retort.history-table must differ from retort.version-table ('" + versionTable + "')");
        }
        String baselineRevision = properties.getBaselineRevision();
        if (baselineRevision != null && !REVISION_ID.matcher(baselineRevision).matches()) {
            errors.rejectValue("baselineRevision", "retort.baseline-revision.invalid",
                    "retort.baseline-revision must be a revision id (1 to 32 letters, digits or underscores)");
        }
        if (properties.getUrl() != null && !properties.getUrl().startsWith("jdbc:")) {
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
}
