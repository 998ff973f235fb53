package dev.retort.runtime;

import dev.retort.graph.Direction;
import java.util.List;

/**
 * What the executor needs to run one step: the statements of the revision's section for the
 * step's direction and dialect, and what goes into history and error messages.
 *
 * @param revision      the revision id
 * @param direction     upgrade or downgrade
 * @param message       the revision's message
 * @param revises       its parents (for the log line {@code Running upgrade a -> b, message})
 * @param location      its file
 * @param checksum      the file's checksum
 * @param transactional false runs the statements in autocommit ({@code transactional: false})
 * @param statements    the statements in file order
 */
public record RevisionWork(String revision, Direction direction, String message, List<String> revises, String location,
                           String checksum, boolean transactional, List<ExecutableStatement> statements) {

    public RevisionWork {
        revises = List.copyOf(revises);
        statements = List.copyOf(statements);
    }
}
