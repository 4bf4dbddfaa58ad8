package io.bikecast.ingest.input;

/**
 * The source of a batch could not be read to its end: a file or stream failed, or a URL timed out, answered with an
 * error or could not be reached. The message never quotes what a server answered.
 */
public final class SourceUnavailableException extends RuntimeException {

    /** Why the source could not be read. */
    public enum Reason {
        /** A file, zip or stream failed while it was read. */
        UNREADABLE,
        /** A URL did not answer, or stopped sending, within the timeouts ({@code bikecast.ingest.fetch.*}). */
        TIMED_OUT,
        /** A URL answered with a status other than 2xx, or redirected too often. */
        BAD_STATUS,
        /** A URL's host does not resolve, or its server cannot be connected to. */
        UNREACHABLE
    }

    private final Reason reason;

    public SourceUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
