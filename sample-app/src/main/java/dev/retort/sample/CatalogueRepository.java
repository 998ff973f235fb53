package dev.retort.sample;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the catalogue through plain SQL on the schema the migrations built. */
@Repository
public class CatalogueRepository {

    private final JdbcClient jdbc;

    public CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Product> products() {
        return jdbc.sql("SELECT id, sku, name, price_cents, status, stock FROM products ORDER BY id")
                .query(Product.class).list();
    }

    public Optional<Product> product(long id) {
        return jdbc.sql("SELECT id, sku, name, price_cents, status, stock FROM products WHERE id = ?")
                .param(id).query(Product.class).optional();
    }

    public List<Product> search(String text) {
        return jdbc.sql("SELECT id, sku, name, price_cents, status, stock FROM products"
                        + " WHERE LOWER(name) LIKE ? ORDER BY id")
                .param("%" + text.toLowerCase(java.util.Locale.ROOT) + "%").query(Product.class).list();
    }

    public Product addProduct(String sku, String name, long priceCents, int stock) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, ?, ?)")
                .params(sku, name, priceCents, stock)
                .update(keys, "id");
        return product(keys.getKey().longValue()).orElseThrow();
    }

    @Transactional
    public Optional<Order> placeOrder(long productId, int quantity) {
        Optional<Product> product = product(productId);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO orders (product_id, quantity, total_cents) VALUES (?, ?, ?)")
                .params(productId, quantity, product.get().priceCents() * quantity)
                .update(keys, "id");
        jdbc.sql("UPDATE products SET stock = stock - ? WHERE id = ?").params(quantity, productId).update();
        return order(keys.getKey().longValue());
    }

    public Optional<Order> order(long id) {
        return jdbc.sql("SELECT id, product_id, quantity, total_cents, created_at FROM orders WHERE id = ?")
                .param(id).query(Order.class).optional();
    }

    public List<Order> orders() {
        return jdbc.sql("SELECT id, product_id, quantity, total_cents, created_at FROM orders ORDER BY id")
                .query(Order.class).list();
    }

    public List<Review> reviews(long productId) {
        return jdbc.sql("SELECT id, product_id, rating, body FROM product_reviews WHERE product_id = ? ORDER BY id")
                .param(productId).query(Review.class).list();
    }

    public Review addReview(long productId, int rating, String body) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO product_reviews (product_id, rating, body) VALUES (?, ?, ?)")
                .params(productId, rating, body)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return jdbc.sql("SELECT id, product_id, rating, body FROM product_reviews WHERE id = ?")
                .param(id).query(Review.class).single();
    }
}
