package dev.retort.boot;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Migrates when the application is ready ({@code retort.run-at=ready}, the default).
 *
 * <p>Spring Boot publishes {@code ApplicationReadyEvent} and only then
 * {@code ReadinessState.ACCEPTING_TRAFFIC}, on the same thread. Migrating synchronously
 * here therefore keeps readiness at {@code REFUSING_TRAFFIC} (HTTP 503 on
 * {@code /actuator/health/readiness}) until the database is migrated, while liveness is
 * already up. The explicit {@code REFUSING_TRAFFIC} below makes that hold even if something
 * declared the application ready earlier. A failure with {@code retort.on-failure=fail}
 * propagates, so Spring Boot closes the context and start-up fails.
 */
public class RetortReadyMigrationListener implements ApplicationListener<ApplicationReadyEvent>,
        ApplicationContextAware, Ordered {

    private final RetortMigrationRunner runner;
    private ApplicationContext context;

    public RetortReadyMigrationListener(RetortMigrationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // A child context's ready event also reaches its parent's listeners: migrate once,
        // for the context this listener belongs to.
        if (context != null && event.getApplicationContext() != context) {
            return;
        }
        AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
        runner.run();
    }

    /** Before the application's own ready listeners, which may expect a migrated database. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
