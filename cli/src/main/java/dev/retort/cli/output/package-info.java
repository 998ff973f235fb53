/**
 * How the CLI prints: Alembic-style text lines, the {@code --json} shapes (records, one per
 * command, documented in docs/cli.md) and the graph renderings (text, Mermaid, Graphviz dot).
 * Internal to the CLI; the JSON shapes themselves are a documented contract.
 */
package dev.retort.cli.output;
