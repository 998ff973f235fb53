package dev.retort.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * With {@code retort.run-at=startup}, Hibernate's {@code ddl-auto=validate} runs after the
 * migration: the EntityManagerFactory waits for Retort, so validation sees the tables.
 */
@SpringBootTest(classes = SliceApplication.class, webEnvironment = WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:jpa-validate;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate",
        "retort.run-at=startup" })
class JpaValidateAtStartupTest {

    @Autowired
    DataProductRepository products;

    @Test
    void hibernateValidatesTheMigratedSchemaAndReadsTheSeededRows() {
        assertThat(products.findAll()).extracting(DataProduct::getName).containsExactlyInAnyOrder("orders", "customers");
        assertThat(products.findByStatus("draft")).extracting(DataProduct::getName).containsExactly("customers");
    }
}
