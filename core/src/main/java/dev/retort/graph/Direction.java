package dev.retort.graph;

/** Which way one step of a plan moves a revision. */
public enum Direction {
    UPGRADE, DOWNGRADE;

    /** Lower-case name as used in JSON and in the history table ({@code upgrade}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
