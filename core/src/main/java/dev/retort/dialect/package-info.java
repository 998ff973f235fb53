/**
 * Database dialects: what differs between PostgreSQL, H2 and MariaDB/MySQL (version-table
 * DDL, the migration lock, transactional DDL, quoting, statements that need autocommit).
 * {@link dev.retort.dialect.Dialect} and {@link dev.retort.dialect.Dialects} are public API;
 * the built-in implementations are public so they can be named, but their details are not.
 *
 * <h2>How to add a dialect</h2>
 * <ol>
 *   <li>Implement {@link dev.retort.dialect.Dialect} (extend {@code AbstractDialect} in this
 *       package for quoting and metadata defaults). Every method's contract comment says what
 *       the engine relies on.</li>
 *   <li>Pick the lock: a lock that dies with its session (advisory lock, {@code GET_LOCK}),
 *       else a row lock held in an open transaction on a connection of its own
 *       ({@link dev.retort.dialect.Dialect#lockNeedsOwnConnection()}). Never a lock row that a
 *       crash could leave behind. The timeout message must name {@code retort.lock-timeout}
 *       and, if the database can tell, who holds the lock.</li>
 *   <li>Say truthfully whether DDL is transactional: the failure messages depend on it.</li>
 *   <li>Map the "table does not exist" error in {@code isUndefinedTable}: the engine reads the
 *       version table first and only asks the metadata when that fails.</li>
 *   <li>Register the name in {@link dev.retort.dialect.Dialects#forName(String)} and the
 *       product name in {@link dev.retort.dialect.Dialects#detect(java.sql.Connection)}, and
 *       pick the statement splitter's syntax.</li>
 *   <li>Add a subclass of {@code DialectConformanceTest} (test sources) for the new database
 *       and make it pass: lock twice times out, a lock dies with its connection, version and
 *       history round trips, autocommit-only statement detection, quoting.</li>
 *   <li>Document it in {@code docs/engine.md} (failures on each database).</li>
 * </ol>
 */
package dev.retort.dialect;
