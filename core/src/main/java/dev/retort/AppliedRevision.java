package dev.retort;

import dev.retort.graph.Direction;
import java.time.Duration;

/** One revision a run upgraded or downgraded, with how long its statements took. */
public record AppliedRevision(String revision, Direction direction, String message, Duration duration) {
}
