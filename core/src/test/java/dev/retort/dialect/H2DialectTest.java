package dev.retort.dialect;

import dev.retort.testing.TestDatabase;

class H2DialectTest extends DialectConformanceTest {

    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    protected String expectedName() {
        return "h2";
    }
}
