package dev.retort.graph;

/** The command a plan was made for. */
public enum Operation {
    UPGRADE, DOWNGRADE, STAMP;

    /** Lower-case name as used in JSON and in the history table ({@code upgrade}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
