/**
 * Retort's public entry points and the base exception. Public API.
 */
package dev.retort;
