package dev.retort;

import java.util.List;

/**
 * Where a database stands relative to the loaded migrations.
 *
 * @param database           product and version, e.g. {@code PostgreSQL 15.19}
 * @param schema             the schema that holds the version table
 * @param versionTable       the version table's name
 * @param upToDate           no pending revisions, no unknown revisions
 * @param current            the version table's rows, sorted (empty: base, or no table yet)
 * @param heads              the head revisions of the loaded migrations, sorted
 * @param pending            what {@code upgrade heads} would apply, in execution order
 * @param unknownRevisions   rows of the version table that no loaded migration declares
 *                           (a newer build migrated this database), sorted
 * @param revisionCount      how many migrations are loaded
 * @param checksumMismatches applied revisions whose file changed since
 */
public record Status(String database, String schema, String versionTable, boolean upToDate, List<String> current,
                     List<String> heads, List<PendingRevision> pending, List<String> unknownRevisions,
                     int revisionCount, List<ChecksumMismatch> checksumMismatches) {

    public Status {
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        unknownRevisions = List.copyOf(unknownRevisions);
        checksumMismatches = List.copyOf(checksumMismatches);
    }
}
