/**
 * Retort's public entry points: the {@link dev.retort.Retort} facade and its builder, the
 * result records ({@link dev.retort.MigrationResult}, {@link dev.retort.Status}, ...), the
 * {@link dev.retort.MigrationListener} callbacks, {@link dev.retort.TransactionMode}, and the
 * exceptions, all extending {@link dev.retort.RetortException}, whose messages are complete
 * sentences for a user. Public API.
 */
package dev.retort;
