/** End-to-end tests of a running service: HTTP endpoints, readiness, failure modes, exit status. */
package dev.retort.boot.app;
