package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Retort;
import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.RetortDataSource;
import dev.retort.boot.RetortMigrationInitializer;
import dev.retort.boot.RetortMigrationRunner;
import dev.retort.boot.RetortMigrationStrategy;
import dev.retort.boot.RetortReadyMigrationListener;
import dev.retort.boot.actuate.RetortHealthIndicator;
import dev.retort.boot.actuate.RetortMetrics;
import dev.retort.boot.actuate.RetortMigrationsEndpoint;
import dev.retort.graph.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which beans the auto-configurations create, under which conditions, and how bad
 * settings are rejected. The engine is created but not run (no ApplicationReadyEvent in a
 * context runner), so no database work happens here.
 */
class RetortAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
                    RetortEndpointAutoConfiguration.class, RetortHealthAutoConfiguration.class,
                    RetortMetricsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.generate-unique-name=false");

    @Test
    void configuresTheEngineAndARunOnApplicationReadyByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Retort.class);
            assertThat(context).hasSingleBean(RetortMigrationRunner.class);
            assertThat(context).hasSingleBean(RetortReadyMigrationListener.class);
            assertThat(context).doesNotHaveBean(RetortMigrationInitializer.class);
        });
    }

    @Test
    void backsOffWithNoDataSourceBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Retort.class);
                    assertThat(context).doesNotHaveBean(RetortMigrationRunner.class);
                });
    }

    @Test
    void backsOffWhenTheDataSourceAutoConfigurationIsExcluded() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class, RetortEndpointAutoConfiguration.class,
                        RetortHealthAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:unused")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Retort.class);
                    assertThat(context).doesNotHaveBean(RetortMigrationsEndpoint.class);
                    assertThat(context).doesNotHaveBean(HealthIndicator.class);
                });
    }

    @Test
    void migratesThroughItsOwnPoolWhenRetortUrlIsSetWithoutADataSourceBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
                .withPropertyValues("retort.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "retort.user=sa", "retort.password=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Retort.class);
                    // The migration pool is not a DataSource bean: it must not become the application's.
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("retort.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Retort.class);
            assertThat(context).doesNotHaveBean(RetortMigrationsEndpoint.class);
            assertThat(context).doesNotHaveBean(RetortMetrics.class);
        });
    }

    @Test
    void backsOffWithoutSpringBootJdbc() {
        runner.withClassLoader(new FilteredClassLoader(DataSourceBuilder.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Retort.class);
        });
    }

    @Test
    void keepsAnEngineTheApplicationDefines() {
        runner.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Retort.class);
            assertThat(context.getBean(Retort.class)).isSameAs(context.getBean(OwnEngine.class).engine);
            assertThat(context.getBean(RetortMigrationRunner.class).retort()).isSameAs(OwnEngine.ENGINE);
        });
    }

    @Test
    void runAtStartupMigratesDuringRefreshInsteadOfOnReady() {
        runner.withPropertyValues("retort.run-at=startup", "retort.enabled=true")
                .withUserConfiguration(NoOpStrategy.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(RetortMigrationInitializer.class);
                    assertThat(context).doesNotHaveBean(RetortReadyMigrationListener.class);
                    assertThat(context.getBean(NoOpStrategy.class).calls).isEqualTo(1);
                });
    }

    @Test
    void acceptsRunAtInAnyCase() {
        runner.withPropertyValues("retort.run-at=STARTUP")
                .withUserConfiguration(NoOpStrategy.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(RetortMigrationInitializer.class);
                    assertThat(context.getBean(NoOpStrategy.class).calls).isEqualTo(1);
                });
    }

    @Test
    void aStrategyBeanReplacesTheDefaultRun() {
        runner.withPropertyValues("retort.run-at=startup")
                .withUserConfiguration(NoOpStrategy.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MigrationRunTracker tracker = context.getBean(MigrationRunTracker.class);
                    assertThat(tracker.lastRun().status()).isEqualTo("SUCCEEDED");
                    assertThat(context.getBean(NoOpStrategy.class).calls).isEqualTo(1);
                });
    }

    @Test
    void prefersADataSourceMarkedWithRetortDataSource() {
        runner.withUserConfiguration(QualifiedDataSource.class).run(context -> {
            assertThat(context).hasNotFailed();
            SchemaManagementProvider provider = context.getBean("retortSchemaManagementProvider",
                    SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean("migrationDataSource", DataSource.class)))
                    .isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(context.getBean("dataSource", DataSource.class)))
                    .isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void tellsHibernateThatItManagesTheApplicationsDataSource() {
        runner.run(context -> {
            SchemaManagementProvider provider = context.getBean("retortSchemaManagementProvider",
                    SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                    .isEqualTo(SchemaManagement.MANAGED);
        });
    }

    @Test
    void theDialectPropertyReachesTheEngineInsteadOfDetection() {
        runner.withPropertyValues("retort.dialect=H2").run(context -> {
            assertThat(context).hasNotFailed();
            // Offline SQL has no connection to detect from: it works only with a configured dialect.
            assertThat(context.getBean(Retort.class).offlineSql(Operation.UPGRADE, "head", false, null)).contains("for h2");
        });
        runner.run(context -> assertThatThrownBy(() -> context.getBean(Retort.class)
                .offlineSql(Operation.UPGRADE, "head", false, null)).hasMessageContaining("Offline SQL needs a dialect"));
    }

    @Test
    void failsWhenTheDialectIsUnknown() {
        runner.withPropertyValues("retort.dialect=oracle").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("retort.dialect must be one of postgresql, h2, mariadb, mysql");
        });
    }

    @Test
    void failsWhenLockTimeoutIsNegative() {
        runner.withPropertyValues("retort.lock-timeout=-5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("retort.lock-timeout must be zero (do not wait) or positive");
        });
    }

    @Test
    void failsWhenRunAtIsUnknown() {
        runner.withPropertyValues("retort.run-at=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("retort.run-at")
                    .hasStackTraceContaining("soon");
        });
    }

    @Test
    void failsWhenOnFailureIsUnknown() {
        runner.withPropertyValues("retort.on-failure=ignore").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("retort.on-failure");
        });
    }

    @Test
    void failsWhenTransactionModeIsUnknown() {
        runner.withPropertyValues("retort.transaction-mode=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("retort.transaction-mode");
        });
    }

    @Test
    void failsWhenLocationsAreEmpty() {
        runner.withPropertyValues("retort.locations=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("retort.locations must name at least one location");
        });
    }

    @Test
    void failsWhenVersionAndHistoryTableAreTheSame() {
        runner.withPropertyValues("retort.version-table=migrations", "retort.history-table=MIGRATIONS").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("retort.history-table must differ from retort.version-table");
        });
    }

    @Test
    void failsWhenATableNameIsNotAPlainName() {
        runner.withPropertyValues("retort.version-table=retort version; drop").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("retort.version-table must be a plain table name");
        });
    }

    @Test
    void failsWhenBaselineRevisionIsNotARevisionId() {
        runner.withPropertyValues("retort.baseline-revision=not-an-id!").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("retort.baseline-revision must be a revision id");
        });
    }

    @Test
    void failsWhenUrlIsNotAJdbcUrlWithoutShowingIt() {
        runner.withPropertyValues("retort.url=postgres://admin:s3cret@db/app").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("retort.url must be a JDBC URL starting with 'jdbc:'")
                    .hasMessageNotContaining("s3cret");
        });
    }

    @Test
    void exposesTheEndpointOnlyWhenTheApplicationExposesIt() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RetortMigrationsEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run(context -> assertThat(context).hasSingleBean(RetortMigrationsEndpoint.class));
    }

    @Test
    void leavesTheEndpointOutWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Retort.class);
                    assertThat(context).doesNotHaveBean(RetortMigrationsEndpoint.class);
                });
    }

    @Test
    void contributesHealthAsMigrations() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RetortHealthIndicator.class);
            // Spring Boot names the component after the bean, minus "HealthIndicator".
            assertThat(context).hasBean("migrationsHealthIndicator");
        });
    }

    @Test
    void leavesHealthOutWhenDisabled() {
        runner.withPropertyValues("management.health.migrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RetortHealthIndicator.class));
    }

    @Test
    void leavesHealthOutWithoutSpringBootHealth() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(RetortHealthIndicator.class);
                });
    }

    @Test
    void recordsMetricsWhenAMeterRegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(RetortMetrics.class);
        });
        runner.run(context -> assertThat(context).doesNotHaveBean(RetortMetrics.class));
    }

    @Test
    void leavesMetricsOutWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(RetortMetrics.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {

        static final Retort ENGINE = Retort.builder().locations("classpath:db/migrations").build();

        final Retort engine = ENGINE;

        @Bean
        Retort myRetort() {
            return engine;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoOpStrategy implements RetortMigrationStrategy {

        int calls;

        @Override
        public void migrate(Retort retort) {
            calls++;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {

        @Bean
        @org.springframework.context.annotation.Primary
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }

        @Bean
        @RetortDataSource
        DataSource migrationDataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
    }
}
