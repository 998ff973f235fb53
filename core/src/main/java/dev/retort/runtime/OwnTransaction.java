package dev.retort.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Statements that commit together, apart from whatever the connection did before. */
final class OwnTransaction {

    private OwnTransaction() {
    }

    /**
     * Runs {@code sqls} and a COMMIT as one batch (one round trip) in a transaction of their own,
     * rolled back when one fails; the connection's autocommit setting is restored either way.
     */
    static void run(Connection connection, Statement statement, List<String> sqls) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String sql : sqls) {
                statement.addBatch(sql);
            }
            statement.addBatch("COMMIT");
            statement.executeBatch();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            statement.clearBatch();
            connection.setAutoCommit(autoCommit);
        }
    }
}
