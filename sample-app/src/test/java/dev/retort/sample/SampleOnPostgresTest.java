package dev.retort.sample;

import dev.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample with {@code --spring.profiles.active=postgres}, on a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class SampleOnPostgresTest extends CatalogueServiceContract {

    private static TestDatabase database;

    @BeforeAll
    static void needsPostgres() {
        // Skip (or fail, in CI) before Spring builds a context on a server that is not there.
        TestDatabase.assumeAvailable(TestDatabase.Kind.POSTGRESQL);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = TestDatabase.postgres();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> "");
        registry.add("retort.schema", database::schema);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    String schema() {
        return database.schema();
    }
}
