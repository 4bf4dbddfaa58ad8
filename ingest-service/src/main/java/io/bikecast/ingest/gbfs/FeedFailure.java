package io.bikecast.ingest.gbfs;

/** Why a poll failed, as stored in {@code gbfs_poll.reason}; the message is its {@code detail}. */
final class FeedFailure extends RuntimeException {

    enum Reason {
        /** The URL is refused by the fetch rules (host, address, scheme). */
        REFUSED_URL,
        /** The server could not be reached. */
        UNREACHABLE,
        /** The server answered with something other than 2xx. */
        BAD_STATUS,
        /** The server did not answer within the timeouts. */
        TIMED_OUT,
        /** A file is larger than {@code max-payload-size}. */
        TOO_LARGE,
        /** Not JSON, or JSON whose fields have the wrong types. */
        MALFORMED,
        /** A GBFS version bikecast does not read (it reads 2.x with the 2.3 model and 3.x with the 3.0 model). */
        UNSUPPORTED_VERSION,
        /** A file's version differs from that of {@code gbfs.json}. */
        VERSION_MISMATCH,
        /** {@code gbfs.json} lists no {@code system_information}, {@code station_information} or {@code station_status}. */
        MISSING_FEED,
        /** Valid JSON of the right types that breaks the spec: a required field is missing or out of range. */
        INVALID,
        /** Anything else: a bug of bikecast's, or the database; logged with its stack trace. */
        INTERNAL
    }

    private final Reason reason;

    FeedFailure(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
