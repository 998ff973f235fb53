/** Context-runner tests of the auto-configurations: conditions, properties, start-up scenarios. */
package dev.retort.boot.autoconfigure;
