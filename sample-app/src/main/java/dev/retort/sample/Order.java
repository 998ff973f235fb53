package dev.retort.sample;

import java.time.LocalDateTime;

/** An order of one product. {@code totalCents} was backfilled for old orders by a data migration. */
public record Order(long id, long productId, int quantity, long totalCents, LocalDateTime createdAt) {
}
