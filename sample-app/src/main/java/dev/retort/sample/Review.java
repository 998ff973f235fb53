package dev.retort.sample;

/** A customer's review of a product (the "reviews" branch of the migrations). */
public record Review(long id, long productId, int rating, String body) {
}
