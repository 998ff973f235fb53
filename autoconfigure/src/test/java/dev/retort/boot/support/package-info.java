/** Test helpers: migration files written per test, plain HTTP calls. Not public API. */
package dev.retort.boot.support;
