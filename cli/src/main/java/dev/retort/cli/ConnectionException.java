package dev.retort.cli;

import dev.retort.RetortException;

/** The CLI could not reach the database: no URL, no driver, refused, wrong credentials. */
public class ConnectionException extends RetortException {

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
