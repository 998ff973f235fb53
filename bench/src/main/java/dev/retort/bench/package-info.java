/**
 * Benchmarks of Retort against Flyway, Liquibase and plain JDBC: a plain harness (see
 * {@link dev.retort.bench.BenchmarkMain} for why not JMH), the workload generator, one
 * runner per tool, and the whole-process probe. Not public API.
 */
package dev.retort.bench;
