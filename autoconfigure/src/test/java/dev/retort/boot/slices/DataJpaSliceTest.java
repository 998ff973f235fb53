package dev.retort.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.ApplicationContext;

/** A @DataJpaTest migrates its (embedded) database as the application would. */
@DataJpaTest
class DataJpaSliceTest {

    @Autowired
    DataProductRepository products;

    @Autowired
    ApplicationContext context;

    @Test
    void seesTheMigratedSchema() {
        assertThat(context.getBeanNamesForType(Retort.class)).hasSize(1);
        assertThat(products.findAll()).extracting(DataProduct::getStatus)
                .containsExactlyInAnyOrder("published", "draft");
    }
}
