package dev.retort.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Runs the sample against a throw-away PostgreSQL in Docker (Spring Boot's Testcontainers
 * development-time pattern): {@code mvn -pl sample-app -am spring-boot:test-run}, or run
 * this class's {@code main} from the IDE. Needs a Docker engine.
 */
public class TestSampleApplication {

    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresContainer {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:17-alpine");
        }
    }

    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(PostgresContainer.class).run(args);
    }
}
