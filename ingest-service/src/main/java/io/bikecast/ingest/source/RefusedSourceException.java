package io.bikecast.ingest.source;

/**
 * A path or URL the service will not or cannot read from, refused before anything is read: a URL that is not http(s),
 * carries credentials, names a host that is not allowed or resolves to an internal address (given directly or by a
 * redirect), a path that leaves the data directory, a file that is not in it. It names the request field that gave the
 * reference.
 */
public final class RefusedSourceException extends RuntimeException {

    /** What is wrong with the reference. */
    public enum Reason {
        /** The URL, or a redirect it answered with, may not be fetched. */
        INVALID_URL,
        /** The path leaves the data directory ({@code ../}, absolute, a symbolic link out of it). */
        OUTSIDE_DATA_DIRECTORY,
        /** The data directory has no such regular file. */
        NO_SUCH_FILE
    }

    private final Reason reason;
    private final String field;
    private final String fault;
    private final String value;

    /**
     * @param field the request field that gave the reference, e.g. {@code url} or {@code url (redirected to …)}
     * @param fault what is wrong with it, in words
     * @param value the reference as given
     */
    RefusedSourceException(Reason reason, String message, String field, String fault, String value) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.fault = fault;
        this.value = value;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String fault() {
        return fault;
    }

    public String value() {
        return value;
    }
}
