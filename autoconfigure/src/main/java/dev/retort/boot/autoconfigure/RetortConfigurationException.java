package dev.retort.boot.autoconfigure;

import dev.retort.RetortException;

/**
 * A {@code retort.*} setting (or the choice of DataSource) that the engine cannot work
 * with. The message names the property; Retort's failure analyzer adds what to do.
 */
public class RetortConfigurationException extends RetortException {

    public RetortConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetortConfigurationException(String message) {
        super(message);
    }
}
