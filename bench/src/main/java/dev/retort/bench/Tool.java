package dev.retort.bench;

/**
 * One migration tool under test. {@link #open} is what a service pays to configure the tool
 * (reading scripts included where the tool does it up front); {@link Session#migrate()}
 * applies whatever is pending; {@link Session#pending()} is the status query.
 */
public interface Tool {

    String name();

    /** Whether the tool keeps a version table (plain JDBC does not: it only has a fresh apply). */
    default boolean tracksVersions() {
        return true;
    }

    Session open(Target target, Workload.Layout layout) throws Exception;

    interface Session extends AutoCloseable {

        void migrate() throws Exception;

        /** Pending revisions as the tool reports them (what a status endpoint costs). */
        int pending() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    static Tool byName(String name, Workload workload) {
        return switch (name) {
            case "retort" -> new RetortTool();
            case "flyway" -> new FlywayTool();
            case "liquibase" -> new LiquibaseTool();
            case "jdbc" -> new JdbcTool(workload);
            default -> throw new IllegalArgumentException(
                    "Unknown tool '" + name + "'; expected retort, flyway, liquibase or jdbc");
        };
    }
}
