package dev.retort.boot;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates while the application context starts ({@code retort.run-at=startup}), as Flyway
 * and Liquibase do. Spring Boot's database-initialization ordering makes beans that need
 * the database (JPA's EntityManagerFactory, jOOQ, JdbcTemplate users) wait for this bean,
 * so {@code spring.jpa.hibernate.ddl-auto=validate} sees the migrated schema.
 */
public class RetortMigrationInitializer implements InitializingBean {

    private final RetortMigrationRunner runner;

    public RetortMigrationInitializer(RetortMigrationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void afterPropertiesSet() {
        runner.run();
    }
}
