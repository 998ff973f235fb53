package dev.retort.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Validator;

/**
 * The starter adds no {@link Validator} bean: applications that inject "the" Validator
 * (common in MVC services) start the same with and without Retort, and Retort's
 * properties are still checked while they are bound.
 */
class ValidatorBeansTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.generate-unique-name=false");

    @Test
    void addsNoValidatorNextToBootsDefaultValidator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(RetortProperties.class);
            assertThat(context.getBeanNamesForType(Validator.class)).containsExactly("defaultValidator");
        });
    }

    @Test
    void aBeanThatInjectsTheValidatorStarts() {
        runner.withUserConfiguration(InjectsValidator.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(InjectsValidator.class).validator).isSameAs(context.getBean("defaultValidator"));
        });
    }

    /** Without Bean Validation an MVC application has one Validator, mvcValidator, and must keep it unique. */
    @Test
    void aBeanThatInjectsTheValidatorStartsInAWebApplicationWithoutBeanValidation() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.generate-unique-name=false")
                .withUserConfiguration(InjectsValidator.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(RetortProperties.class);
                    assertThat(context.getBeanNamesForType(Validator.class)).containsExactly("mvcValidator");
                    assertThat(context.getBean(InjectsValidator.class).validator)
                            .isSameAs(context.getBean("mvcValidator"));
                });
    }

    @Test
    void anInvalidPropertyStillFailsStartUpWithItsMessage() {
        runner.withUserConfiguration(InjectsValidator.class).withPropertyValues("retort.lock-timeout=-5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("retort.lock-timeout must be zero (do not wait) or positive, e.g. 60s");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class InjectsValidator {

        final Validator validator;

        InjectsValidator(Validator validator) {
            this.validator = validator;
        }
    }
}
