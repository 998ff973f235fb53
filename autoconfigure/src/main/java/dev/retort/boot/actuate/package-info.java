/**
 * Operations view of Retort in a Spring Boot application: the {@code migrations} actuator
 * endpoint, the {@code migrations} health contributor, the readiness-group hook and the
 * Micrometer metrics. Public API: the endpoint's JSON (its records) and the metric names.
 */
package dev.retort.boot.actuate;
