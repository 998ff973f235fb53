package dev.retort.sample;

/** A product in the catalogue, as the REST API shows it. */
public record Product(long id, String sku, String name, long priceCents, String status, int stock) {
}
