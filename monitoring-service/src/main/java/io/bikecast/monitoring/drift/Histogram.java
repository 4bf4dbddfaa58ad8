package io.bikecast.monitoring.drift;

import java.util.List;

/**
 * Reference and current distributions of one feature, as shares per bin (each side sums to 1 unless empty): what the
 * HTML report draws.
 *
 * @param labels one label per bin: a category code, or the lower edge of an equal-width bin
 */
public record Histogram(List<String> labels, double[] reference, double[] current) {}
