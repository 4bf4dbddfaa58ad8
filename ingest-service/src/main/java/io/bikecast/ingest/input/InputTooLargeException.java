package io.bikecast.ingest.input;

/**
 * A CSV larger than {@code bikecast.ingest.max-upload-size}, uploaded or read by reference. It is refused after
 * reading no more than the limit (or, for an upload that declares its length, before reading anything).
 */
public final class InputTooLargeException extends RuntimeException {

    /** Where the CSV came from. */
    public enum Origin {
        /** The request body or a multipart file. */
        UPLOAD,
        /** A file of the data directory, a download or a zip entry. */
        REFERENCE
    }

    private static final String SETTING = " (bikecast.ingest.max-upload-size).";

    private final Origin origin;

    private InputTooLargeException(Origin origin, String message) {
        super(message);
        this.origin = origin;
    }

    /** An upload that went past the limit while it was read. */
    public static InputTooLargeException upload(long maxBytes) {
        return new InputTooLargeException(Origin.UPLOAD, "The upload exceeds " + maxBytes + " bytes" + SETTING);
    }

    /** An upload whose declared length is over the limit: refused before a byte of it is read. */
    public static InputTooLargeException declared(long declaredBytes, long maxBytes) {
        return new InputTooLargeException(
                Origin.UPLOAD,
                "The upload is " + declaredBytes + " bytes; at most " + maxBytes + " are accepted" + SETTING);
    }

    /** A CSV read by reference (a file, a download, a zip entry) that went past the limit. */
    public static InputTooLargeException reference(long maxBytes) {
        return new InputTooLargeException(
                Origin.REFERENCE, "The referenced CSV exceeds " + maxBytes + " bytes" + SETTING);
    }

    public Origin origin() {
        return origin;
    }
}
