package dev.retort.boot.autoconfigure;

import dev.retort.boot.RetortMigrationInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrationInitializer} initializes the database, so
 * beans that depend on database initialization (JPA, jOOQ, JdbcTemplate users) are created
 * after it. Registered in {@code META-INF/spring.factories} under
 * {@link DatabaseInitializerDetector}. Only {@code retort.run-at=startup} defines that bean;
 * with the default {@code ready} nothing waits.
 */
public final class RetortMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetortMigrationInitializer.class);
    }
}
