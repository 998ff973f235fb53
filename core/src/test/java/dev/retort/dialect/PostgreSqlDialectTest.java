package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.LockTimeoutException;
import dev.retort.testing.TestDatabase;

class PostgreSqlDialectTest extends DialectConformanceTest {

    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    protected String expectedName() {
        return "postgresql";
    }

    @Override
    protected void assertHolder(LockTimeoutException e) {
        assertThat(e.holder()).contains("pid").contains("user 'postgres'").contains("client");
        assertThat(e.getMessage()).contains(e.holder());
    }
}
