package dev.retort.cli;

/** The exit codes of {@code retort}, as DESIGN.md fixes them. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed: bad migration files, database errors, unknown revisions, ... */
    public static final int ERROR = 1;
    /** The command line itself was wrong: unknown command or option, missing argument. */
    public static final int USAGE = 2;
    /** {@code retort check} found pending or unknown revisions, or checksum drift. */
    public static final int CHECK_FAILED = 3;

    private ExitCodes() {
    }
}
