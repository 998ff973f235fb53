/**
 * The revision graph and the planner: a pure, in-memory model built from a list of
 * {@link dev.retort.graph.Revision}s, with no I/O, so tests write graphs inline. Identifier
 * resolution, ordering, upgrade, downgrade and stamp planning follow Alembic. Public API.
 */
package dev.retort.graph;
