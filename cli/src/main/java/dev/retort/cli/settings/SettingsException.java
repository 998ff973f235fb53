package dev.retort.cli.settings;

import dev.retort.RetortException;

/** A setting is missing or wrong; the message names the setting, its source, and the fix. */
public class SettingsException extends RetortException {

    public SettingsException(String message) {
        super(message);
    }
}
