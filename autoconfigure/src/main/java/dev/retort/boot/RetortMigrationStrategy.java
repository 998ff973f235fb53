package dev.retort.boot;

import dev.retort.Retort;

/**
 * Replaces the migration Retort runs at start-up. Without such a bean Retort upgrades to
 * {@code retort.target}; declare one to, for example, only validate, or to repair and then
 * upgrade:
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy validateOnly() {
 *     return retort -> {
 *         ValidationResult result = retort.validate();
 *         if (!result.valid()) {
 *             throw new IllegalStateException("Migrations do not match the database: " + result);
 *         }
 *     };
 * }
 * }</pre>
 *
 * <p>The strategy runs at the time {@code retort.run-at} says, while readiness refuses
 * traffic; an exception it throws is handled as {@code retort.on-failure} says.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    /**
     * Brings the database to the state the application needs.
     * @param retort the engine, configured from {@code retort.*}
     */
    void migrate(Retort retort);
}
