package dev.retort;

/** A downgrade would pass through a revision whose file has no {@code +downgrade} section; nothing ran. */
public class IrreversibleRevisionException extends RetortException {

    private final String revision;
    private final String location;

    public IrreversibleRevisionException(String message, String revision, String location) {
        super(message);
        this.revision = revision;
        this.location = location;
    }

    public String revision() {
        return revision;
    }

    public String location() {
        return location;
    }
}
