package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.LockTimeoutException;
import dev.retort.testing.TestDatabase;

class MariaDbDialectTest extends DialectConformanceTest {

    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    protected String expectedName() {
        return "mariadb";
    }

    @Override
    protected void assertHolder(LockTimeoutException e) {
        assertThat(e.holder()).contains("connection id").contains("user 'root'");
        assertThat(e.getMessage()).contains(e.holder());
    }
}
