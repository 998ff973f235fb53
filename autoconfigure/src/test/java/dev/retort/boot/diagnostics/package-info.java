/** Tests of the start-up failure reports. */
package dev.retort.boot.diagnostics;
