package io.bikecast.ingest.source;

/** A zip that is refused: a bomb, broken, or without {@code hour.csv}. */
public final class ArchiveRefusedException extends RuntimeException {

    /** Why the zip was refused. */
    public enum Reason {
        /** It inflates past {@code archive.max-uncompressed-size}, or has more than {@code archive.max-entries}. */
        BOMB,
        /** It cannot be read as a zip. */
        BROKEN,
        /** It has no entry {@code hour.csv}. */
        NO_HOUR_CSV
    }

    private final Reason reason;

    ArchiveRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
