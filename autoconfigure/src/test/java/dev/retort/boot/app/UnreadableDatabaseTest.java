package dev.retort.boot.app;

import static dev.retort.boot.app.AbstractRunningServiceTests.fieldNames;
import static dev.retort.boot.app.AbstractRunningServiceTests.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.boot.support.Http;
import dev.retort.boot.support.MigrationFiles;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A service whose database cannot be read: the migrations endpoint keeps answering with the
 * documented JSON, says what is wrong in {@code error}, and answers 503 (nothing could be read).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableDatabaseTest {

    private static final String USER = "retort_admin";
    private static final String PASSWORD = "Tr1cky-Secret-42";

    @TempDir
    Path folder;

    private MigrationFiles twoRevisions() {
        return MigrationFiles.in(folder)
                .revision("cc01", "base", "create orders", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;")
                .revision("cc02", "cc01", "add customer", "ALTER TABLE orders ADD COLUMN customer INT;",
                        "ALTER TABLE orders DROP COLUMN customer;");
    }

    private ConfigurableApplicationContext start(int port, String url, String... more) {
        String[] base = {
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                // Fail fast rather than wait HikariCP's 30 s for a server that is not there.
                "--spring.datasource.hikari.connection-timeout=250",
                "--spring.datasource.hikari.initialization-fail-timeout=-1",
                "--retort.locations=" + twoRevisions().location(),
                "--retort.on-failure=continue",
                "--management.endpoints.web.exposure.include=health,migrations",
                "--management.endpoint.health.show-details=always" };
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return SpringApplication.run(WebApp.class, args);
    }

    @Test
    void anUnreachableDatabaseGives503WithWhatIsKnownAndTheErrorButNoCredentials(CapturedOutput output)
            throws Exception {
        int port = ReadinessDuringMigrationTest.freePort();
        // Port 1 is closed: the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/app?user=" + USER + "&password=" + PASSWORD;
        try (ConfigurableApplicationContext context = start(port, url,
                "--spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect")) {
            Http http = new Http(port);
            int warningsBefore = warnings(output);
            Http.Response response = http.get("/actuator/migrations");

            assertThat(response.status()).isEqualTo(503);
            JsonNode engine = response.json().get("engines").get("retort");
            assertThat(fieldNames(engine)).containsExactlyInAnyOrder("database", "schema", "versionTable", "state",
                    "upToDate", "current", "heads", "pending", "revisionCount", "lastRun", "error");
            assertThat(engine.get("error").asString())
                    .startsWith("Cannot read the migration status: Could not connect to the database: SQL state 08001")
                    .contains("127.0.0.1:1");
            assertThat(engine.get("versionTable").asString()).isEqualTo("retort_version");
            assertThat(strings(engine.get("heads"))).containsExactly("cc02");
            assertThat(engine.get("revisionCount").asInt()).isEqualTo(2);
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("FAILED");
            for (String unknown : new String[] { "database", "schema", "state", "upToDate", "current", "pending" }) {
                assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
            }
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            assertThat(warnings(output) - warningsBefore).isEqualTo(1);

            Http.Response revision = http.get("/actuator/migrations/cc02");
            assertThat(revision.status()).isEqualTo(503);
            assertThat(revision.json().get("message").asString()).isEqualTo("add customer");
            assertThat(revision.json().get("checksum").asString()).matches("[0-9a-f]{64}");
            assertThat(revision.json().get("applied").isNull()).isTrue();
            assertThat(revision.json().get("appliedAt").isNull()).isTrue();
            assertThat(revision.json().get("error").asString()).contains("Could not connect to the database");
            assertThat(revision.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            assertThat(http.get("/actuator/migrations/ffff").status()).isEqualTo(404);
        }
        List<String> lines = output.getAll().lines().toList();
        int warning = lines.indexOf(lines.stream().filter(line -> line.contains("could not read the database"))
                .findFirst().orElseThrow());
        assertThat(lines.get(warning)).contains("WARN").contains("engine 'retort'").contains("SQL state 08001")
                .doesNotContain(PASSWORD).doesNotContain(USER);
        // No stack trace at WARN: the next line is another log record, not an exception or a frame.
        if (warning + 1 < lines.size()) {
            assertThat(lines.get(warning + 1)).doesNotStartWith("\tat ").doesNotContain("Exception:");
        }
    }

    @Test
    void aLoginThePostgresServerRefusesGivesItsMessageWithoutTheUserName(CapturedOutput output) throws Exception {
        TestDatabase.assumeAvailable(TestDatabase.Kind.POSTGRESQL);
        String server = System.getenv(TestDatabase.POSTGRES_URL_VARIABLE).replaceFirst("\\?.*$", "");
        int port = ReadinessDuringMigrationTest.freePort();
        // No such role on the test server: PostgreSQL answers 'role "retort_admin" does not exist'.
        try (ConfigurableApplicationContext context = start(port,
                server + "?user=" + USER + "&password=" + PASSWORD,
                "--spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect")) {
            Http.Response response = new Http(port).get("/actuator/migrations");
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().get("engines").get("retort").get("error").asString())
                    .contains("SQL state 28000").contains("role \"<masked>\" does not exist");
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            assertThat(new Http(port).get("/actuator/health").body()).doesNotContain(PASSWORD).doesNotContain(USER);
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("RetortMigrationsEndpoint")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain(USER));
    }

    @Test
    void aVersionTableRetortCannotReadGivesTheErrorWithTheTablesProblem() throws Exception {
        int port = ReadinessDuringMigrationTest.freePort();
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext context = start(port, url)) {
            Http http = new Http(port);
            assertThat(http.get("/actuator/migrations").status()).isEqualTo(200);
            try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE retort_version");
                statement.execute("CREATE TABLE retort_version (something_else INT)");
            }

            Http.Response response = http.get("/actuator/migrations");
            assertThat(response.status()).isEqualTo(503);
            JsonNode engine = response.json().get("engines").get("retort");
            assertThat(engine.get("error").asString()).startsWith("Cannot read the migration status: ")
                    .containsIgnoringCase("retort_version");
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(engine.get("state").isNull()).isTrue();
        }
    }

    private static int warnings(CapturedOutput output) {
        return (int) output.getAll().lines().filter(line -> line.contains("could not read the database")).count();
    }
}
