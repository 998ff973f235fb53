package dev.retort.boot.app;

import static dev.retort.boot.app.AbstractRunningServiceTests.fieldNames;
import static dev.retort.boot.app.AbstractRunningServiceTests.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.boot.support.Http;
import dev.retort.boot.support.MigrationFiles;
import dev.retort.boot.support.TcpProxy;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * A service whose database cannot be read: the migrations endpoint keeps answering with the
 * documented JSON, says what is wrong in {@code error}, and answers 503 (nothing could be read).
 * Endpoint and health tell the same story: {@code state} is where the last run left the
 * database ({@code FAILED} only when that run failed), {@code error} the same
 * "Cannot read the migration status: ..." in both, and health is {@code DOWN}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableDatabaseTest {

    private static final String USER = "retort_admin";
    private static final String PASSWORD = "Tr1cky-Secret-42";
    private static final String CANNOT_READ = "Cannot read the migration status: ";
    private static final String CANNOT_CONNECT = CANNOT_READ + "Could not connect to the database: SQL state 08001";

    @TempDir
    Path folder;

    private MigrationFiles twoRevisions() {
        return MigrationFiles.in(folder)
                .revision("cc01", "base", "create orders", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;")
                .revision("cc02", "cc01", "add customer", "ALTER TABLE orders ADD COLUMN customer INT;",
                        "ALTER TABLE orders DROP COLUMN customer;");
    }

    private MigrationFiles threeRevisions() {
        return twoRevisions()
                .revision("cc03", "cc02", "add total", "ALTER TABLE orders ADD COLUMN total INT;",
                        "ALTER TABLE orders DROP COLUMN total;");
    }

    private MigrationFiles brokenSecondRevision() {
        return MigrationFiles.in(folder)
                .revision("cc01", "base", "create orders", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;")
                .revision("cc02", "cc01", "broken statement", "ALTER TABLE no_such_table ADD COLUMN x INT;", "");
    }

    /** The service with user name and password as Spring Boot properties, as most services set them. */
    private ConfigurableApplicationContext start(int port, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD));
        args.addAll(List.of(more));
        return run(port, url, twoRevisions(), args);
    }

    private static ConfigurableApplicationContext run(int port, String url, MigrationFiles files, List<String> more) {
        return run(WebApp.class, port, url, files, more);
    }

    private static ConfigurableApplicationContext run(Class<?> application, int port, String url, MigrationFiles files,
            List<String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                // Fail fast rather than wait HikariCP's 30 s for a server that is not there.
                "--spring.datasource.hikari.connection-timeout=250",
                "--spring.datasource.hikari.initialization-fail-timeout=-1",
                "--retort.locations=" + files.location(),
                "--retort.on-failure=continue",
                "--management.endpoints.web.exposure.include=health,migrations",
                "--management.endpoint.health.show-details=always"));
        args.addAll(more);
        return SpringApplication.run(application, args.toArray(String[]::new));
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
                    "upToDate", "current", "heads", "pending", "revisionCount", "lastRun", "error", "statusReadAt");
            // The start-up run never read the database: nothing to date.
            assertThat(engine.get("statusReadAt").isNull()).isTrue();
            assertThat(engine.get("error").asString())
                    .startsWith(CANNOT_CONNECT)
                    .contains("127.0.0.1:1");
            assertThat(engine.get("versionTable").asString()).isEqualTo("retort_version");
            assertThat(strings(engine.get("heads"))).containsExactly("cc02");
            assertThat(engine.get("revisionCount").asInt()).isEqualTo(2);
            // The start-up run could not connect, so it failed: the state says so, as health does.
            assertThat(engine.get("state").asString()).isEqualTo("FAILED");
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("FAILED");
            assertThat(engine.get("lastRun").get("error").asString())
                    .startsWith("Could not connect to the database: SQL state 08001");
            for (String unknown : new String[] { "database", "schema", "upToDate", "current", "pending" }) {
                assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
            }
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            assertThat(warnings(output) - warningsBefore).isEqualTo(1);

            assertHealthSays(http, "FAILED", CANNOT_CONNECT);

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
            JsonNode engine = response.json().get("engines").get("retort");
            assertThat(engine.get("error").asString())
                    .contains("SQL state 28000").contains("role \"<masked>\" does not exist");
            assertThat(engine.get("state").asString()).isEqualTo("FAILED");
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            JsonNode health = assertHealthSays(new Http(port), "FAILED", CANNOT_READ);
            assertThat(health.get("details").get("error").asString()).contains("role \"<masked>\" does not exist");
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
            assertThat(engine.get("error").asString()).startsWith(CANNOT_READ)
                    .containsIgnoringCase("retort_version");
            assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("SUCCEEDED");
            // Not a failed migration: the state the last run left, with the error beside it.
            assertThat(engine.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(engine.get("upToDate").isNull()).isTrue();
            JsonNode health = assertHealthSays(http, "UP_TO_DATE", CANNOT_READ);
            assertThat(health.get("details").get("error").asString()).containsIgnoringCase("retort_version");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void aDatabaseLostAfterASuccessfulRunKeepsTheStateThatRunLeftWithTheErrorInEndpointAndHealth(
            TestDatabase.Kind kind) throws Exception {
        try (ServedDatabase database = ServedDatabase.of(kind);
             TcpProxy proxy = TcpProxy.inFrontOf(database.url())) {
            int port = ReadinessDuringMigrationTest.freePort();
            try (ConfigurableApplicationContext context =
                         run(port, proxy.route(database.url()), twoRevisions(), database.credentials())) {
                Http http = new Http(port);
                JsonNode before = http.get("/actuator/migrations").json().get("engines").get("retort");
                assertThat(before.get("state").asString()).isEqualTo("UP_TO_DATE");
                assertThat(http.get("/actuator/health").json().get("components").get("migrations")
                        .get("details").get("state").asString()).isEqualTo("UP_TO_DATE");

                // The first reads meet the pool's cut connections ("Connection is broken", SQL state
                // 08006), later ones a refused connection: either way the same prefix.
                proxy.close();

                Http.Response response = http.get("/actuator/migrations");
                assertThat(response.status()).isEqualTo(503);
                JsonNode engine = response.json().get("engines").get("retort");
                assertThat(engine.get("state").asString()).isEqualTo("UP_TO_DATE");
                assertThat(engine.get("error").asString()).startsWith(CANNOT_READ);
                assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(engine.get("lastRun").get("error").isNull()).isTrue();
                for (String unknown : new String[] { "database", "upToDate", "current", "pending" }) {
                    assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
                }
                assertThat(strings(engine.get("heads"))).containsExactly("cc02");
                assertThat(engine.get("revisionCount").asInt()).isEqualTo(2);
                assertHealthSays(http, "UP_TO_DATE", CANNOT_READ);
                assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
                assertThat(http.get("/actuator/health").body()).doesNotContain(PASSWORD).doesNotContain(USER);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void aDatabaseLostAfterAFailedMigrationStaysFailedWithTheRunsErrorAndTheReadError(TestDatabase.Kind kind)
            throws Exception {
        try (ServedDatabase database = ServedDatabase.of(kind);
             TcpProxy proxy = TcpProxy.inFrontOf(database.url())) {
            int port = ReadinessDuringMigrationTest.freePort();
            try (ConfigurableApplicationContext context =
                         run(port, proxy.route(database.url()), brokenSecondRevision(), database.credentials())) {
                Http http = new Http(port);
                // Readable: the migration failed, and that is the only error.
                Http.Response readable = http.get("/actuator/migrations");
                assertThat(readable.status()).isEqualTo(200);
                JsonNode failed = readable.json().get("engines").get("retort");
                assertThat(failed.get("state").asString()).isEqualTo("FAILED");
                assertThat(failed.get("error").isNull()).isTrue();
                String runError = failed.get("lastRun").get("error").asString();
                assertThat(runError).contains("cc02");
                JsonNode health = assertHealthSays(http, "FAILED", "");
                assertThat(health.get("details").get("error").asString()).isEqualTo(runError);
                assertThat(health.get("details").get("lastRunError").asString()).isEqualTo(runError);
                Instant healthRead = Instant.parse(health.get("details").get("statusReadAt").asString());

                // The first reads meet the pool's cut connections ("Connection is broken", SQL state
                // 08006), later ones a refused connection: either way the same prefix.
                proxy.close();

                Http.Response response = http.get("/actuator/migrations");
                assertThat(response.status()).isEqualTo(503);
                JsonNode engine = response.json().get("engines").get("retort");
                assertThat(engine.get("state").asString()).isEqualTo("FAILED");
                assertThat(engine.get("error").asString()).startsWith(CANNOT_READ);
                assertThat(engine.get("lastRun").get("error").asString()).isEqualTo(runError);
                // Health has both too: the read error does not hide why the migration failed.
                JsonNode lost = assertHealthSays(http, "FAILED", CANNOT_READ);
                assertThat(lost.get("details").get("lastRunError").asString()).isEqualTo(runError);
                // When the status was last read, as the endpoint says: the health check's own reading.
                assertThat(lost.get("details").get("statusReadAt").asString())
                        .isEqualTo(engine.get("statusReadAt").asString())
                        .isEqualTo(healthRead.toString());
                assertThat(http.get("/actuator/health").body()).doesNotContain(PASSWORD).doesNotContain(USER);
            }
        }
    }

    /**
     * The last known state is the latest reading, not what the start-up run left: here another
     * instance (a newer build's) migrated the database after the start-up run, this service
     * read it, and then lost it. {@code statusReadAt} dates that reading, so a reader of the
     * JSON can tell the remembered {@code state} from a live one.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void aDatabaseLostAfterAnotherInstanceMigratedItKeepsTheLatestReadingAndSaysWhenItWasRead(TestDatabase.Kind kind)
            throws Exception {
        try (ServedDatabase database = ServedDatabase.of(kind);
             TcpProxy proxy = TcpProxy.inFrontOf(database.url())) {
            int port = ReadinessDuringMigrationTest.freePort();
            List<String> args = new ArrayList<>(database.credentials());
            args.add("--retort.target=cc01");
            try (ConfigurableApplicationContext context =
                         run(port, proxy.route(database.url()), twoRevisions(), args)) {
                Http http = new Http(port);
                Instant before = Instant.now();
                JsonNode started = http.get("/actuator/migrations").json().get("engines").get("retort");
                assertThat(started.get("state").asString()).isEqualTo("PENDING");
                assertThat(started.get("error").isNull()).isTrue();
                assertThat(Instant.parse(started.get("statusReadAt").asString())).isBetween(before, Instant.now());

                // Another instance upgrades the database, straight, not through the proxy.
                Retort.builder().dataSource(database.dataSource()).locations(twoRevisions().location()).build()
                        .upgrade("head");
                JsonNode fresh = http.get("/actuator/migrations").json().get("engines").get("retort");
                assertThat(fresh.get("state").asString()).isEqualTo("UP_TO_DATE");
                assertThat(strings(fresh.get("current"))).containsExactly("cc02");
                String readAt = fresh.get("statusReadAt").asString();
                assertThat(Instant.parse(readAt)).isAfter(Instant.parse(started.get("statusReadAt").asString()));

                proxy.close();

                Http.Response response = http.get("/actuator/migrations");
                assertThat(response.status()).isEqualTo(503);
                JsonNode engine = response.json().get("engines").get("retort");
                assertThat(engine.get("error").asString()).startsWith(CANNOT_READ);
                // What the latest reading said (the start-up run left PENDING), and when it was read.
                assertThat(engine.get("state").asString()).isEqualTo("UP_TO_DATE");
                assertThat(engine.get("statusReadAt").asString()).isEqualTo(readAt);
                for (String unknown : new String[] { "database", "upToDate", "current", "pending" }) {
                    assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
                }
                assertHealthSays(http, "UP_TO_DATE", CANNOT_READ);
                // Still the same reading: the failed reads in between did not move it.
                assertThat(http.get("/actuator/migrations").json().get("engines").get("retort")
                        .get("statusReadAt").asString()).isEqualTo(readAt);
                assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
            }
        }
    }

    /**
     * A run the application starts after start-up loses its database halfway: the endpoint
     * says {@code MIGRATING} with the read error (the run itself may not notice for a long
     * time), and does not pass off what it read before the run as the database's revisions.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = { "H2", "POSTGRESQL" })
    void aDatabaseLostDuringARunShowsMigratingWithTheReadErrorAndNoRememberedRevisions(TestDatabase.Kind kind)
            throws Exception {
        HoldingApp.held = new CountDownLatch(1);
        HoldingApp.release = new CountDownLatch(1);
        try (ServedDatabase database = ServedDatabase.of(kind);
             TcpProxy proxy = TcpProxy.inFrontOf(database.url())) {
            int port = ReadinessDuringMigrationTest.freePort();
            List<String> args = new ArrayList<>(database.credentials());
            args.add("--retort.target=cc01");
            try (ConfigurableApplicationContext context =
                         run(HoldingApp.class, port, proxy.route(database.url()), threeRevisions(), args)) {
                Http http = new Http(port);
                JsonNode started = http.get("/actuator/migrations").json().get("engines").get("retort");
                assertThat(started.get("state").asString()).isEqualTo("PENDING");
                assertThat(strings(started.get("current"))).containsExactly("cc01");
                String readAt = started.get("statusReadAt").asString();

                // The application upgrades to head; the run holds after cc02 (committed), before cc03.
                CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(
                        () -> context.getBean(Retort.class).upgrade("head"));
                try {
                    assertThat(HoldingApp.held.await(60, TimeUnit.SECONDS)).as("run reached cc02").isTrue();
                    proxy.close();

                    Http.Response response = http.get("/actuator/migrations");
                    assertThat(response.status()).isEqualTo(503);
                    JsonNode engine = response.json().get("engines").get("retort");
                    assertThat(engine.get("state").asString()).isEqualTo("MIGRATING");
                    assertThat(engine.get("error").asString()).startsWith(CANNOT_READ);
                    assertThat(engine.get("lastRun").get("status").asString()).isEqualTo("RUNNING");
                    assertThat(strings(engine.get("lastRun").get("applied"))).containsExactly("cc02");
                    // Not cc01 and [cc02, cc03] from before the run, as if just read.
                    for (String unknown : new String[] { "database", "upToDate", "current", "pending" }) {
                        assertThat(engine.get(unknown).isNull()).as(unknown).isTrue();
                    }
                    assertThat(engine.get("statusReadAt").asString()).isEqualTo(readAt);
                    assertThat(strings(engine.get("heads"))).containsExactly("cc03");
                    assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(USER);
                    // Health does not query the database during a run.
                    JsonNode health = http.get("/actuator/health").json().get("components").get("migrations");
                    assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
                    assertThat(health.get("details").get("state").asString()).isEqualTo("MIGRATING");
                }
                finally {
                    HoldingApp.release.countDown();
                }
                // The run meets the cut connection at cc03 and fails: both errors, as after any failed run.
                assertThat(run).failsWithin(60, TimeUnit.SECONDS);
                JsonNode failed = http.get("/actuator/migrations").json().get("engines").get("retort");
                assertThat(failed.get("state").asString()).isEqualTo("FAILED");
                assertThat(failed.get("lastRun").get("status").asString()).isEqualTo("FAILED");
                assertThat(failed.get("error").asString()).startsWith(CANNOT_READ);
                JsonNode health = assertHealthSays(http, "FAILED", CANNOT_READ);
                assertThat(health.get("details").get("lastRunError").asString())
                        .isEqualTo(failed.get("lastRun").get("error").asString());
            }
        }
        finally {
            HoldingApp.release.countDown();
        }
    }

    /** The {@code migrations} health component: DOWN, with the state and an error starting as given. */
    private static JsonNode assertHealthSays(Http http, String state, String errorPrefix) {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        JsonNode migrations = health.json().get("components").get("migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
        assertThat(migrations.get("details").get("state").asString()).isEqualTo(state);
        assertThat(migrations.get("details").get("error").asString()).startsWith(errorPrefix);
        return migrations;
    }

    /**
     * A test database reached over TCP, so that a {@link TcpProxy} can stand in front of it:
     * the PostgreSQL test server, or an H2 TCP server in this JVM (which creates its in-memory
     * database with the test's user name and password at the first connection).
     */
    private record ServedDatabase(String url, List<String> credentials, AutoCloseable cleanup)
            implements AutoCloseable {

        static ServedDatabase of(TestDatabase.Kind kind) throws Exception {
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                TestDatabase database = TestDatabase.of(kind);
                return new ServedDatabase(database.url(), List.of(), database);
            }
            Server server = Server.createTcpServer("-tcpPort", String.valueOf(ReadinessDuringMigrationTest.freePort()),
                    "-ifNotExists").start();
            String name = "lost" + UUID.randomUUID().toString().replace("-", "");
            return new ServedDatabase("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name + ";DB_CLOSE_DELAY=-1",
                    List.of("--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD), () -> {
                        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name, USER, PASSWORD);
                             Statement statement = connection.createStatement()) {
                            statement.execute("SHUTDOWN");
                        }
                        catch (SQLException ex) {
                            // Already gone.
                        }
                        server.stop();
                    });
        }

        /** A connection of its own, as another instance of the service would have (not through a proxy). */
        DriverManagerDataSource dataSource() {
            return credentials.isEmpty() ? new DriverManagerDataSource(url) : new DriverManagerDataSource(url, USER, PASSWORD);
        }

        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    /** {@link WebApp} with a listener that holds a run after revision {@code cc02}, until released. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class HoldingApp {

        static volatile CountDownLatch held = new CountDownLatch(0);
        static volatile CountDownLatch release = new CountDownLatch(0);

        @Bean
        MigrationListener holdAfterCc02() {
            return new MigrationListener() {
                @Override
                public void revisionApplied(AppliedRevision revision) {
                    if (!"cc02".equals(revision.revision())) {
                        return;
                    }
                    held.countDown();
                    try {
                        if (!release.await(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("test never released the run");
                        }
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ex);
                    }
                }
            };
        }
    }

    private static int warnings(CapturedOutput output) {
        return (int) output.getAll().lines().filter(line -> line.contains("could not read the database")).count();
    }
}
