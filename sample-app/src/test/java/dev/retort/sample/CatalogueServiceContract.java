package dev.retort.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sample must do on every database: migrate itself to the merge head on start-up,
 * serve its REST API from the migrated schema, report where it stands at
 * {@code /actuator/migrations}, and survive a downgrade to the branch point and back.
 * Subclasses choose the database.
 */
abstract class CatalogueServiceContract {

    /** The merge revision that joins the "reviews" and "inventory" branches. */
    static final String HEAD = "a0b5d2e9f6e1";
    /** The revision both feature branches start from. */
    static final String BRANCH_POINT = "5a0c7e4b1f65";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Retort retort;

    @Autowired
    DataSource dataSource;

    /** The schema the service's tables are in, as JDBC metadata spells it. */
    abstract String schema();

    @Test
    void migratesToTheMergeHeadAndReportsItAtTheActuatorEndpoint() throws Exception {
        JsonNode engine = get("/actuator/migrations").path("engines").path("retort");
        assertThat(engine.path("state").asString()).isEqualTo("UP_TO_DATE");
        assertThat(engine.path("upToDate").asBoolean()).isTrue();
        assertThat(texts(engine.path("current"))).containsExactly(HEAD);
        assertThat(texts(engine.path("heads"))).containsExactly(HEAD);
        assertThat(engine.path("pending").size()).isZero();
        assertThat(engine.path("revisionCount").asInt()).isEqualTo(10);
        assertThat(engine.path("lastRun").path("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode merge = get("/actuator/migrations/" + HEAD);
        assertThat(merge.toString()).contains("7c2e9a6d3b87", "9e4a1c8f5d09", "merge reviews and inventory");

        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("migrations").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void restApiReadsAndWritesTheMigratedSchema() throws Exception {
        // Seed rows from the first revision, with the status default and the stock backfill applied.
        JsonNode teas = get("/products?q=TEA");
        assertThat(teas.size()).isEqualTo(2);
        assertThat(teas.get(0).path("sku").asString()).isEqualTo("TEA-001");
        assertThat(teas.get(1).path("sku").asString()).isEqualTo("POT-001");
        assertThat(teas.get(0).path("status").asString()).isEqualTo("active");
        assertThat(teas.get(0).path("stock").asInt()).isEqualTo(25);

        String sku = "MUG-" + System.nanoTime();
        HttpResponse<String> created = post("/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"Stoneware mug\",\"priceCents\":1200,\"stock\":10}");
        assertThat(created.statusCode()).isEqualTo(201);
        long productId = JSON.readTree(created.body()).path("id").asLong();

        HttpResponse<String> order = post("/orders", "{\"productId\":" + productId + ",\"quantity\":3}");
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(order.body()).path("totalCents").asLong()).isEqualTo(3600);
        assertThat(get("/products/" + productId).path("stock").asInt()).isEqualTo(7);

        HttpResponse<String> review = post("/products/" + productId + "/reviews", "{\"rating\":5,\"body\":\"Holds heat\"}");
        assertThat(review.statusCode()).isEqualTo(201);
        assertThat(get("/products/" + productId + "/reviews").size()).isEqualTo(1);
        assertThat(post("/products/" + productId + "/reviews", "{\"rating\":9,\"body\":\"?\"}").statusCode())
                .isEqualTo(400);

        // The data migration backfilled the order placed before totals were stored.
        JsonNode orders = get("/orders");
        assertThat(orders.get(0).path("totalCents").asLong()).isEqualTo(2 * 650);
    }

    @Test
    void downgradeToTheBranchPointAndUpgradeAgainRestoresTheSameSchema() throws Exception {
        List<String> before = schemaShape();

        retort.downgrade(BRANCH_POINT);
        assertThat(retort.status().current()).containsExactly(BRANCH_POINT);
        List<String> atBranchPoint = schemaShape();
        assertThat(atBranchPoint).noneMatch(line -> line.startsWith("table product_reviews"));
        assertThat(atBranchPoint).noneMatch(line -> line.equals("column products.stock"));
        assertThat(atBranchPoint).noneMatch(line -> line.startsWith("table product_summary"));

        retort.upgrade("head");
        assertThat(retort.status().current()).containsExactly(HEAD);
        assertThat(schemaShape()).isEqualTo(before);
    }

    /** Tables, views, columns and indexes of the service's schema, read from JDBC metadata. */
    private List<String> schemaShape() throws Exception {
        TreeSet<String> shape = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema(), "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.toLowerCase(Locale.ROOT).startsWith("retort_")) {
                        tables.add(table);
                        shape.add("table " + table.toLowerCase(Locale.ROOT) + " " + rs.getString("TABLE_TYPE"));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = meta.getColumns(null, schema(), table, "%")) {
                    while (rs.next()) {
                        shape.add("column " + table.toLowerCase(Locale.ROOT) + "."
                                + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(null, schema(), table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null && !index.toLowerCase(Locale.ROOT).startsWith("primary_key")
                                && !index.toLowerCase(Locale.ROOT).startsWith("constraint_")) {
                            shape.add("index " + index.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(shape);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
