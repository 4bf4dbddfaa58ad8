package io.bikecast.common.features;

/**
 * Whether a feature takes a few whole-number codes or any real value in a range: it tells drift tests which statistic
 * to use (a chi-squared test over categories, or a test over a continuous distribution) and range checks whether a
 * fraction is allowed.
 */
public enum FeatureKind {
    /** A whole-number code from a small, contiguous set (see {@link Feature#categories()}). */
    DISCRETE,
    /** Any finite real value between {@link Feature#min()} and {@link Feature#max()}. */
    CONTINUOUS
}
