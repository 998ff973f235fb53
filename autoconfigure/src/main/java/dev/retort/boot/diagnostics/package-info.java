/**
 * Start-up failure reports for Retort's errors (Spring Boot {@code FailureAnalyzer}s,
 * registered in {@code META-INF/spring.factories}). Not public API.
 */
package dev.retort.boot.diagnostics;
