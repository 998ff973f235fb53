package dev.retort.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the JDBC drivers' own log lines out of the CLI's output unless {@code --verbose}: they
 * repeat, in the driver's words, the error Retort reports on its {@code FAILED:} line (the MariaDB
 * driver logs every server error as a warning). {@code simplelogger.properties} sets these
 * loggers to {@code error}; with {@code --verbose} they log warnings too.
 */
final class DriverLogging {

    /** The logger names of the drivers and pools the CLI may load. */
    static final List<String> LOGGERS = List.of("org.mariadb.jdbc", "org.postgresql", "com.zaxxer.hikari", "org.h2",
            "h2database");

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    /**
     * The PostgreSQL driver logs through java.util.logging, which keeps loggers only while
     * someone holds them: held here so the level set below stays.
     */
    private static final Logger POSTGRESQL_JUL = Logger.getLogger("org.postgresql");

    private DriverLogging() {
    }

    /**
     * Sets the drivers' log levels for this process. Must run before a driver creates its
     * logger (slf4j-simple reads a logger's level once, when it is created), so only
     * {@link RetortCli#main} calls it; a system property the user set with {@code JAVA_OPTS} wins.
     */
    static void configure(boolean verbose) {
        if (verbose) {
            for (String logger : LOGGERS) {
                if (System.getProperty(PREFIX + logger) == null) {
                    System.setProperty(PREFIX + logger, "warn");
                }
            }
        }
        POSTGRESQL_JUL.setLevel(verbose ? Level.WARNING : Level.SEVERE);
    }

    /** Whether the command line asks for {@code --verbose} (before the first {@code --}). */
    static boolean verboseRequested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
