package dev.retort;

import java.util.List;

/** A revision an upgrade to the heads would apply. */
public record PendingRevision(String revision, String message, List<String> revises) {

    public PendingRevision {
        revises = List.copyOf(revises);
    }
}
