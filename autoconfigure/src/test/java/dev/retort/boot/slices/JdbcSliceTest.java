package dev.retort.boot.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A @JdbcTest migrates its (embedded) database as the application would. */
@JdbcTest
class JdbcSliceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seesTheMigratedSchemaAndTheVersionTable() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_products", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT version_num FROM retort_version", String.class))
                .containsExactly("3c4d5e6f7081");
    }
}
