/**
 * Spring Boot auto-configuration for Retort: {@code retort.*} properties, the engine bean,
 * the start-up run, and (in their own auto-configurations) the {@code migrations} actuator
 * endpoint, health contributor and metrics. Public API: {@link dev.retort.boot.autoconfigure.RetortProperties}
 * and the auto-configuration class names (for {@code exclude}); the rest is wiring.
 */
package dev.retort.boot.autoconfigure;
