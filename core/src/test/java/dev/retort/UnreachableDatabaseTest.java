package dev.retort;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be reached: the error says what the database (or its driver) answered. */
class UnreachableDatabaseTest {

    @TempDir
    Path folder;

    /** Behind a pool, the driver's answer hides in a cause of the pool's "request timed out". */
    @Test
    void behindAPoolTheErrorCarriesTheDriversAnswerNotOnlyThePoolsTimeout() throws Exception {
        MigrationFiles files = MigrationFiles.branchedAndMerged(folder);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=s3cret");
            pool.setConnectionTimeout(250);
            pool.setInitializationFailTimeout(-1); // as a pool that was up before the database went away
            Retort retort = Retort.builder().dataSource(pool).locations(files.location()).build();

            assertThatThrownBy(retort::status)
                    .isInstanceOf(RetortException.class)
                    .hasMessageStartingWith("Could not connect to the database: SQL state ")
                    .hasMessageContaining("request timed out")
                    .hasMessageContaining("(the database's answer: SQL state 08001: Connection to 127.0.0.1:1 refused")
                    .hasMessageNotContaining("s3cret");
        }
    }
}
