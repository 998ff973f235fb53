package dev.retort.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} Retort migrates through, when it is not the application's
 * primary one (for example a pool with a DDL-privileged account). It wins over
 * {@code retort.url}.
 *
 * <pre>{@code
 * @Bean
 * @RetortDataSource
 * DataSource migrationDataSource() { ... }
 * }</pre>
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RetortDataSource {
}
