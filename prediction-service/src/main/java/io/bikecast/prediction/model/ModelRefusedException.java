package io.bikecast.prediction.model;

import java.util.Locale;

/**
 * A model version that will not be served, and why. The models in hand keep serving (or, with none, the service stays
 * not ready); the refusal is logged with this message and counted in {@code bikecast.prediction.model.refused} by its
 * {@link Reason}.
 */
public class ModelRefusedException extends RuntimeException {

    /** Why a version is refused; its {@link #tag()} is the metric's {@code reason} tag. */
    public enum Reason {
        /** Its artifact is not the one the registry records, its ETag names or its promotion event announced. */
        CHECKSUM,
        /** Its artifact is larger than {@code bikecast.prediction.registry.max-artifact-size}, or does not fit in memory. */
        TOO_LARGE,
        /** Its artifact, checksum intact, does not hold a Tribuo regression model. */
        UNREADABLE,
        /** It was trained on another feature schema than the one this service computes. */
        FEATURE_SCHEMA;

        /** The reason as a metric tag: {@code checksum}, {@code too-large}, {@code unreadable}, {@code feature-schema}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public ModelRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
