package dev.retort.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A product catalogue with orders and reviews. Its schema lives in
 * {@code src/main/resources/db/migrations}; the Retort starter migrates it when the
 * service starts, and {@code /actuator/migrations} tells where the database stands.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
