package dev.retort.boot.autoconfigure;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.RetortDataSource;
import dev.retort.boot.RetortMigrationInitializer;
import dev.retort.boot.RetortMigrationRunner;
import dev.retort.boot.RetortMigrationStrategy;
import dev.retort.boot.RetortReadyMigrationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Runs Retort's migrations when a Spring Boot application starts.
 *
 * <p>Active when {@code retort.enabled} is not {@code false} and there is a database to
 * migrate: a {@code DataSource} bean or {@code retort.url}. Contexts that exclude the
 * DataSource auto-configuration and define no DataSource (test slices without a database,
 * such as {@code @WebMvcTest}) therefore never see it. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ Retort.class, DataSourceBuilder.class })
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@Conditional(RetortAutoConfiguration.MigrationDatabaseCondition.class)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class RetortAutoConfiguration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetortAutoConfiguration.class);

    /** Connection pools this configuration opened for retort.url or retort.user; closed with the context. */
    private final List<AutoCloseable> ownedDataSources = new ArrayList<>();

    /**
     * Validates {@code retort.*} while Spring Boot binds it. Static, so that the binder can
     * pick it up without creating this configuration early.
     */
    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor retortPropertiesValidation() {
        return RetortPropertiesValidator.bindHandlerAdvisor();
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationRunTracker retortMigrationTracker() {
        return new MigrationRunTracker();
    }

    @Bean
    @ConditionalOnMissingBean
    Retort retort(RetortProperties properties, ObjectProvider<DataSource> dataSources,
            @RetortDataSource ObjectProvider<DataSource> retortDataSource, ObjectProvider<MigrationListener> listeners,
            MigrationRunTracker tracker, ResourceLoader resourceLoader) {
        Retort.Builder builder = Retort.builder()
                .dataSource(migrationDataSource(properties, dataSources, retortDataSource, resourceLoader.getClassLoader()))
                .locations(List.copyOf(properties.getLocations()))
                .schema(properties.getSchema())
                .dialect(properties.getDialect() == null ? null : properties.getDialect().trim().toLowerCase(Locale.ROOT))
                .versionTable(properties.getVersionTable())
                .historyTable(properties.getHistoryTable())
                .transactionMode(properties.getTransactionMode())
                .lockTimeout(properties.getLockTimeout())
                .baselineRevision(properties.getBaselineRevision())
                .validateChecksums(properties.isValidateChecksums())
                .listener(tracker);
        if (resourceLoader.getClassLoader() != null) {
            builder.classLoader(resourceLoader.getClassLoader());
        }
        listeners.orderedStream().filter(listener -> listener != tracker).forEach(builder::listener);
        try {
            return builder.build();
        }
        catch (IllegalArgumentException ex) {
            // The builder names the retort.* property in its message; give it a type the
            // failure analyzer recognises.
            throw new RetortConfigurationException(ex.getMessage(), ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    RetortMigrationRunner retortMigrationRunner(Retort retort, ObjectProvider<RetortMigrationStrategy> strategy,
            MigrationRunTracker tracker, RetortProperties properties) {
        return new RetortMigrationRunner(retort, strategy.getIfAvailable(), tracker, properties.getTarget(),
                properties.isValidateChecksums(), properties.getOnFailure() == RetortProperties.OnFailure.FAIL);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "retort.run-at", havingValue = "startup")
    RetortMigrationInitializer retortMigrationInitializer(RetortMigrationRunner runner) {
        return new RetortMigrationInitializer(runner);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "retort.run-at", havingValue = "ready", matchIfMissing = true)
    RetortReadyMigrationListener retortReadyMigrationListener(RetortMigrationRunner runner) {
        return new RetortReadyMigrationListener(runner);
    }

    /**
     * Tells Spring Boot that Retort manages the schema of the DataSource it migrates, so
     * Hibernate does not default to {@code ddl-auto=create-drop} on an embedded database.
     */
    @Bean
    @ConditionalOnMissingBean(name = "retortSchemaManagementProvider")
    SchemaManagementProvider retortSchemaManagementProvider(ObjectProvider<DataSource> dataSources,
            @RetortDataSource ObjectProvider<DataSource> retortDataSource, RetortProperties properties) {
        return dataSource -> {
            DataSource migrated = retortDataSource.getIfAvailable();
            if (migrated == null && !StringUtils.hasText(properties.getUrl())) {
                migrated = dataSources.getIfUnique();
            }
            return dataSource == migrated ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
        };
    }

    private DataSource migrationDataSource(RetortProperties properties, ObjectProvider<DataSource> dataSources,
            ObjectProvider<DataSource> retortDataSource, ClassLoader classLoader) {
        DataSource qualified = retortDataSource.getIfAvailable();
        if (qualified != null) {
            return qualified;
        }
        if (StringUtils.hasText(properties.getUrl())) {
            DataSource own = DataSourceBuilder.create(classLoader)
                    .url(properties.getUrl())
                    .username(properties.getUser())
                    .password(properties.getPassword())
                    .build();
            configurePool(own);
            return remember(own);
        }
        DataSource application = dataSources.getIfUnique();
        if (application == null) {
            throw new RetortConfigurationException("Retort found several DataSource beans and none is @Primary,"
                    + " so it cannot tell which database to migrate.");
        }
        if (properties.getUser() != null || properties.getPassword() != null) {
            // Same database, other account (typically one allowed to run DDL).
            DataSource derived = DataSourceBuilder.derivedFrom(application)
                    .username(properties.getUser())
                    .password(properties.getPassword())
                    .build();
            configurePool(derived);
            return remember(derived);
        }
        return application;
    }

    /** A migration needs a connection for the work and one for the lock; keep the pool small and empty when idle. */
    private static void configurePool(DataSource dataSource) {
        if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", RetortAutoConfiguration.class.getClassLoader())) {
            HikariPool.configure(dataSource);
        }
    }

    /** Separate so that HikariCP classes load only when HikariCP is present. */
    private static final class HikariPool {

        static void configure(DataSource dataSource) {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                hikari.setPoolName("retort-migrations");
                hikari.setMaximumPoolSize(3);
                hikari.setMinimumIdle(0);
            }
        }
    }

    private DataSource remember(DataSource dataSource) {
        if (dataSource instanceof AutoCloseable closeable) {
            synchronized (ownedDataSources) {
                ownedDataSources.add(closeable);
            }
        }
        return dataSource;
    }

    @Override
    public void destroy() {
        synchronized (ownedDataSources) {
            for (AutoCloseable dataSource : ownedDataSources) {
                try {
                    dataSource.close();
                }
                catch (Exception ex) {
                    log.warn("Could not close Retort's migration connection pool", ex);
                }
            }
            ownedDataSources.clear();
        }
    }

    /** A database to migrate: a DataSource bean or {@code retort.url}. */
    static final class MigrationDatabaseCondition extends AnyNestedCondition {

        MigrationDatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "retort", name = "url")
        static final class RetortUrl {
        }
    }
}
