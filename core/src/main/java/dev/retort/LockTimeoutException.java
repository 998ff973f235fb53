package dev.retort;

import java.time.Duration;

/**
 * Another migrator held the schema's migration lock for longer than {@code retort.lock-timeout}.
 * The message says who holds it where the database can tell.
 */
public class LockTimeoutException extends RetortException {

    private final Duration timeout;
    private final String holder;

    public LockTimeoutException(String message, Duration timeout, String holder) {
        super(message);
        this.timeout = timeout;
        this.holder = holder;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Who holds the lock (e.g. {@code pid 4711, application 'orders', client 10.0.0.5}), null when unknown. */
    public String holder() {
        return holder;
    }
}
