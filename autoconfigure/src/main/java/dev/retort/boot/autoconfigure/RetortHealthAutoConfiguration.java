package dev.retort.boot.autoconfigure;

import dev.retort.boot.RetortMigrationRunner;
import dev.retort.boot.actuate.MigrationsReadinessGroupsPostProcessor;
import dev.retort.boot.actuate.RetortHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code migrations} health contributor (disable with
 * {@code management.health.migrations.enabled=false}) and, with the health endpoint, its
 * membership of the {@code readiness} group.
 */
// After the probes auto-configuration: our readiness post-processor must be applied after
// Spring Boot's, which creates the readiness group (both have the lowest precedence, so
// registration order decides).
@AutoConfiguration(after = RetortAutoConfiguration.class,
        afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, RetortMigrationRunner.class })
@ConditionalOnBean(RetortMigrationRunner.class)
@ConditionalOnEnabledHealthIndicator(RetortHealthAutoConfiguration.CONTRIBUTOR)
public final class RetortHealthAutoConfiguration {

    /** Component name under /actuator/health; Boot derives it from the bean name minus "HealthIndicator". */
    static final String CONTRIBUTOR = "migrations";

    @Bean(name = CONTRIBUTOR + "HealthIndicator")
    @ConditionalOnMissingBean(name = CONTRIBUTOR + "HealthIndicator")
    RetortHealthIndicator retortHealthIndicator(RetortMigrationRunner runner) {
        return new RetortHealthIndicator(runner);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
    static class ReadinessGroupConfiguration {

        @Bean
        @ConditionalOnMissingBean
        static MigrationsReadinessGroupsPostProcessor migrationsReadinessGroupsPostProcessor() {
            return new MigrationsReadinessGroupsPostProcessor(CONTRIBUTOR);
        }
    }
}
