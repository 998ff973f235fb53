package dev.retort.boot.app;

import dev.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on PostgreSQL (a schema of its own, see {@link TestDatabase}). Skipped with a
 * message when no PostgreSQL is configured, unless RETORT_TEST_REQUIRE_DATABASES=true.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,migrations",
        "management.endpoint.health.show-details=always" })
class PostgresRunningServiceTest extends AbstractRunningServiceTests {

    private static TestDatabase database;

    @BeforeAll
    static void needsPostgres() {
        // Skip (or fail, in CI) before Spring builds a context on a server that is not there.
        TestDatabase.assumeAvailable(TestDatabase.Kind.POSTGRESQL);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.postgres();
        registry.add("spring.datasource.url", database::url);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    String expectedDatabasePrefix() {
        return "PostgreSQL";
    }

    @Override
    String expectedSchema() {
        return database.schema();
    }

    @Override
    void neitherEndpointNorHealthShowTheDatabasePassword() {
        // The CI server's URL carries no password; the H2 test covers this.
    }
}
