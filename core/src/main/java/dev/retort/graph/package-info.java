/**
 * The revision graph and the planner: a pure, in-memory model built from a list of
 * {@link dev.retort.graph.Revision}s, with no I/O, so tests write graphs inline. Semantics follow
 * Alembic (checked against recorded Alembic answers); see {@code docs/revisions.md}. Public API.
 *
 * <ul>
 *   <li>{@link dev.retort.graph.RevisionGraph}: validation ({@code GraphBuilder}), heads, bases,
 *       labels, history and identifier resolution ({@code IdentifierResolver}).</li>
 *   <li>{@link dev.retort.graph.Planner}: upgrade ({@code UpgradeCollector}), downgrade
 *       ({@code DowngradeCollector}) and stamp ({@code StampPlanner}) plans, ordered by
 *       {@code TopologicalOrder}, with the version table's rows after each step kept by
 *       {@code HeadMaintainer}.</li>
 *   <li>{@link dev.retort.graph.NewRevisionPlanner}: the header of a new revision or merge.</li>
 *   <li>Errors: {@link dev.retort.graph.RevisionException} and its subclasses, each carrying
 *       the data of the failure.</li>
 * </ul>
 * Package-private classes are implementation details.
 */
package dev.retort.graph;
