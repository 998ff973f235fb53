package dev.retort.runtime;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A migrator stand-in for {@link CrashedMigratorTest}: takes the migration lock of a schema,
 * says {@code LOCKED} on stdout and sleeps until it is killed.
 * Arguments: JDBC URL, schema, version table.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0]);
        Dialect dialect = Dialects.detect(connection);
        dialect.lock(connection, args[1], args[2], Duration.ofSeconds(30));
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
