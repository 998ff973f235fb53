package dev.retort;

/**
 * Base of every error Retort raises on purpose. Subclasses carry the data of the failure
 * (revision ids, file, line, ...) so that each front end (CLI, Spring Boot, tests) can
 * present it; {@link #getMessage()} is already a complete sentence a user can act on.
 */
public class RetortException extends RuntimeException {

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
