package dev.retort;

import java.util.List;

/**
 * The schema holds tables but no version table, and no baseline revision is configured:
 * Retort cannot know which revisions those tables correspond to.
 */
public class NonEmptySchemaException extends RetortException {

    private final String schema;
    private final List<String> tables;

    public NonEmptySchemaException(String message, String schema, List<String> tables) {
        super(message);
        this.schema = schema;
        this.tables = List.copyOf(tables);
    }

    public String schema() {
        return schema;
    }

    /** Some of the tables found (at most a handful, for the message). */
    public List<String> tables() {
        return tables;
    }
}
