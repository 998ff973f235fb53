package dev.retort.graph;

import java.util.List;

/**
 * One step of a plan: run {@code revision}'s upgrade or downgrade section, after which the
 * version table holds exactly {@code headsAfter} (sorted). The executor derives the rows to
 * insert, delete or update from {@code headsBefore} and {@code headsAfter}.
 */
public record Step(String revision, Direction direction, List<String> headsBefore, List<String> headsAfter) {

    public Step {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }
}
