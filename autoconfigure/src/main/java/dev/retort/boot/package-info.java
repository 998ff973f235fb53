/**
 * Public API of Retort's Spring Boot integration: the extension hooks
 * ({@link dev.retort.boot.RetortMigrationStrategy}, {@link dev.retort.boot.RetortDataSource})
 * and the start-up run with its recorded state ({@link dev.retort.boot.RetortMigrationRunner},
 * {@link dev.retort.boot.MigrationRunTracker}, {@link dev.retort.boot.MigrationState}).
 * The auto-configuration that wires them lives in {@code dev.retort.boot.autoconfigure}.
 */
package dev.retort.boot;
