package dev.retort.sample;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The catalogue's REST API: products, orders and reviews. */
@RestController
public class CatalogueController {

    /** What a client sends to add a product. */
    public record NewProduct(String sku, String name, long priceCents, int stock) {
    }

    /** What a client sends to place an order. */
    public record NewOrder(long productId, int quantity) {
    }

    /** What a client sends to review a product. */
    public record NewReview(int rating, String body) {
    }

    private final CatalogueRepository repository;

    public CatalogueController(CatalogueRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/products")
    public List<Product> products(@RequestParam(name = "q", required = false) String query) {
        return query == null || query.isBlank() ? repository.products() : repository.search(query);
    }

    @GetMapping("/products/{id}")
    public Product product(@PathVariable long id) {
        return repository.product(id).orElseThrow(() -> notFound("product", id));
    }

    @PostMapping("/products")
    public ResponseEntity<Product> addProduct(@RequestBody NewProduct product) {
        if (product.sku() == null || product.sku().isBlank() || product.name() == null || product.name().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sku and name are required");
        }
        Product created = repository.addProduct(product.sku(), product.name(), product.priceCents(), product.stock());
        return ResponseEntity.created(URI.create("/products/" + created.id())).body(created);
    }

    @GetMapping("/orders")
    public List<Order> orders() {
        return repository.orders();
    }

    @PostMapping("/orders")
    public ResponseEntity<Order> placeOrder(@RequestBody NewOrder order) {
        if (order.quantity() <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quantity must be positive");
        }
        Order created = repository.placeOrder(order.productId(), order.quantity())
                .orElseThrow(() -> notFound("product", order.productId()));
        return ResponseEntity.created(URI.create("/orders/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}/reviews")
    public List<Review> reviews(@PathVariable long id) {
        product(id);
        return repository.reviews(id);
    }

    @PostMapping("/products/{id}/reviews")
    public ResponseEntity<Review> addReview(@PathVariable long id, @RequestBody NewReview review) {
        product(id);
        if (review.rating() < 1 || review.rating() > 5) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "rating must be between 1 and 5");
        }
        Review created = repository.addReview(id, review.rating(), review.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    private static ResponseStatusException notFound(String what, long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
    }
}
