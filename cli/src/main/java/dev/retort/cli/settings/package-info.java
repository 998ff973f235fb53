/**
 * Where the CLI's connection and location settings come from: flags, {@code RETORT_*}
 * variables, {@code retort.properties}, then the project's {@code application.properties}
 * or {@code application.yml}; plus masking of passwords in URLs. Internal to the CLI.
 */
package dev.retort.cli.settings;
