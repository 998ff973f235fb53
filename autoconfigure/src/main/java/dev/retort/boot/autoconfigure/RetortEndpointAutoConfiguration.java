package dev.retort.boot.autoconfigure;

import dev.retort.Retort;
import dev.retort.boot.RetortMigrationRunner;
import dev.retort.boot.actuate.RetortMigrationsEndpoint;
import dev.retort.boot.actuate.RetortMigrationsEndpointWebExtension;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code migrations} actuator endpoint, when Actuator is present, a Retort engine
 * exists and the endpoint is available (enabled and exposed, e.g.
 * {@code management.endpoints.web.exposure.include=health,migrations}).
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({ Retort.class, ConditionalOnAvailableEndpoint.class })
public final class RetortEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Retort.class)
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    RetortMigrationsEndpoint retortMigrationsEndpoint(ListableBeanFactory beanFactory,
            ObjectProvider<RetortMigrationRunner> runner) {
        return new RetortMigrationsEndpoint(beanFactory.getBeansOfType(Retort.class), runner.getIfUnique());
    }

    /** The HTTP statuses (503 when no database could be read); JMX keeps the plain endpoint. */
    @Bean
    @ConditionalOnBean(RetortMigrationsEndpoint.class)
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = RetortMigrationsEndpoint.class, exposure = EndpointExposure.WEB)
    RetortMigrationsEndpointWebExtension retortMigrationsEndpointWebExtension(RetortMigrationsEndpoint endpoint) {
        return new RetortMigrationsEndpointWebExtension(endpoint);
    }
}
