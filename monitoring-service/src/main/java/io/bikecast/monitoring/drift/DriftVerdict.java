package io.bikecast.monitoring.drift;

/**
 * The outcome of a drift check, or of one feature's test. Only {@link #DRIFT} and {@link #NO_DRIFT} are answers:
 * {@link #NOT_ENOUGH_DATA} and {@link #ERROR} mean the check could not answer, are never read as "no drift", and
 * never trigger retraining.
 */
public enum DriftVerdict {
    /** For a check: dataset drift (the share of drifted input features reached its threshold). For a feature: drift. */
    DRIFT,
    /** No dataset drift; single features may still have drifted (they are listed). */
    NO_DRIFT,
    /** Too few current predictions, too small a reference sample, or no champion to compare with. */
    NOT_ENOUGH_DATA,
    /** The check failed; the report's detail says why. */
    ERROR
}
