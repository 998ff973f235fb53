/**
 * The machinery behind {@link dev.retort.Retort}: version and history tables, the lock
 * template, the executor, the offline SQL renderer, and one class per operation. Not public
 * API: classes are public only so the facade can reach them; use {@link dev.retort.Retort}.
 */
package dev.retort.runtime;
