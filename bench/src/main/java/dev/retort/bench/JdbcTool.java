package dev.retort.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * The floor: the same statements through plain JDBC on one connection, one commit per
 * revision, no version table, no checksums, no lock.
 */
final class JdbcTool implements Tool {

    private final Workload workload;

    JdbcTool(Workload workload) {
        this.workload = workload;
    }

    @Override
    public String name() {
        return "JDBC";
    }

    @Override
    public boolean tracksVersions() {
        return false;
    }

    @Override
    public Session open(Target target, Workload.Layout layout) {
        return new Session() {
            @Override
            public void migrate() throws Exception {
                try (Connection connection = target.dataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    for (List<String> revision : workload.allStatements()) {
                        for (String sql : revision) {
                            statement.execute(sql);
                        }
                        connection.commit();
                    }
                    connection.setAutoCommit(true);
                }
            }

            @Override
            public int pending() {
                // Never called: tracksVersions() is false, so the harness skips JDBC in the status scenario.
                throw new IllegalStateException("plain JDBC keeps no record of what it applied");
            }
        };
    }
}
