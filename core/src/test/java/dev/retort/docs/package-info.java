/** Tests that keep the user documentation (README.md and docs/*.md) consistent. Not public API. */
package dev.retort.docs;
