/**
 * Tests that keep the user documentation (README.md, docs/*.md) and the sample app's
 * settings in step with the starter's configuration metadata. Not public API.
 */
package dev.retort.boot.docs;
