package dev.retort.sample;

import org.springframework.boot.test.context.SpringBootTest;

/** The sample on H2, as the README's one command runs it (in memory here, so each run starts empty). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:sample-test;DB_CLOSE_DELAY=-1")
class SampleOnH2Test extends CatalogueServiceContract {

    @Override
    String schema() {
        return "PUBLIC";
    }
}
