package io.bikecast.ingest.contract;

import java.util.List;

/**
 * A batch refused as a whole, before anything of it is stored: it cannot be read as a batch at all (empty, not CSV,
 * not UTF-8), or it is too large or too broken for row-by-row rejections to make sense.
 */
public final class InvalidBatchException extends RuntimeException {

    /** Why the batch was refused. */
    public enum Reason {
        /** The content is empty: not even a header. */
        EMPTY,
        /** A header but no rows, or a JSON batch without observations. */
        NO_ROWS,
        /** Not CSV, or a header without the required columns ({@link #violations()} names each faulty column). */
        NOT_CSV,
        /** Not UTF-8 (or ASCII). */
        WRONG_ENCODING,
        /** More rows than {@code bikecast.ingest.max-rows}. */
        TOO_MANY_ROWS,
        /** More violations than {@code bikecast.ingest.max-rejections} ({@link #violations()} lists the first). */
        TOO_MANY_REJECTIONS
    }

    private final Reason reason;
    private final List<Violation> violations;

    public InvalidBatchException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /**
     * @param violations what makes the batch invalid: the faults of a CSV header ({@link Reason#NOT_CSV}), or the first
     *     rejections of a batch with too many ({@link Reason#TOO_MANY_REJECTIONS})
     */
    public InvalidBatchException(Reason reason, String message, List<Violation> violations) {
        super(message);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }
}
