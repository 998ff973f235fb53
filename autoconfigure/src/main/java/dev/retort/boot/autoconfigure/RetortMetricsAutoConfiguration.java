package dev.retort.boot.autoconfigure;

import dev.retort.boot.MigrationRunTracker;
import dev.retort.boot.actuate.RetortMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Retort's Micrometer metrics, when Micrometer is present and the application has a
 * {@code MeterRegistry}. The engine picks the metrics up as one of its listeners.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, MigrationRunTracker.class })
public final class RetortMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RetortMetrics retortMetrics(ObjectProvider<MeterRegistry> registry, MigrationRunTracker tracker) {
        return new RetortMetrics(registry::getIfUnique, tracker);
    }
}
