package dev.retort;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a run groups its work into transactions.
 */
public enum TransactionMode {
    /** Each revision's statements and its version-table change commit together (the default). */
    PER_MIGRATION("per-migration"),
    /** One transaction for the whole run: a failure rolls back every revision of the run (where DDL is transactional). */
    ALL("all"),
    /** Autocommit: every statement commits on its own. */
    NONE("none");

    private final String value;

    TransactionMode(String value) {
        this.value = value;
    }

    /** The property value ({@code per-migration}, {@code all}, {@code none}). */
    public String value() {
        return value;
    }

    /**
     * Parses a property value ({@code per-migration}, {@code all} or {@code none}; case and
     * {@code _} for {@code -} do not matter).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static TransactionMode fromValue(String text) {
        if (text != null) {
            String normalised = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (TransactionMode mode : values()) {
                if (mode.value.equals(normalised)) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("Unknown transaction mode '" + text + "' (retort.transaction-mode): expected one of "
                + Arrays.stream(values()).map(TransactionMode::value).collect(Collectors.joining(", ")) + ".");
    }
}
