/**
 * Test support shared by every module's tests (published as retort-core's test-jar): a
 * database of its own per test on H2, PostgreSQL and MariaDB. Not public API.
 */
package dev.retort.testing;
