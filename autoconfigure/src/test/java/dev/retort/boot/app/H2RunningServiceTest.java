package dev.retort.boot.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The service on an embedded H2 database, migrated on ApplicationReadyEvent (the default). */
@SpringBootTest(classes = WebApp.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:running-service;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=" + AbstractRunningServiceTests.PASSWORD,
        "management.endpoints.web.exposure.include=health,migrations",
        "management.endpoint.health.show-details=always" })
class H2RunningServiceTest extends AbstractRunningServiceTests {

    @Override
    String expectedDatabasePrefix() {
        return "H2";
    }

    @Override
    String expectedSchema() {
        return "PUBLIC";
    }
}
