package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.drift.DriftProperties.Correction;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The statistics behind a drift check: Commons Math's two-sample Kolmogorov–Smirnov and chi-square tests, the effect
 * sizes that keep huge windows from flagging trivial shifts, and the multiple-testing corrections.
 */
final class DriftStatistics {

    private DriftStatistics() {}

    /**
     * A test's outcome.
     *
     * @param statistic D for Kolmogorov–Smirnov, the chi-square statistic for chi-square
     * @param pValue the unadjusted p-value
     * @param effectSize D for Kolmogorov–Smirnov, the total variation distance for chi-square
     * @param degreesOfFreedom for chi-square the categories compared minus one; 0 for Kolmogorov–Smirnov
     */
    record Outcome(double statistic, double pValue, double effectSize, int degreesOfFreedom) {}

    /**
     * Two-sample Kolmogorov–Smirnov: D is the largest distance between the two empirical CDFs, which is also the
     * effect size. Commons Math computes the exact p-value when n·m &lt; 10,000 and the asymptotic (Kolmogorov
     * distribution) one above.
     */
    static Outcome kolmogorovSmirnov(double[] reference, double[] current) {
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        double d = test.kolmogorovSmirnovStatistic(reference, current);
        // strict = false: P(D ≥ d), the usual p-value (and scipy's); the one-argument form computes P(D > d).
        double p = test.kolmogorovSmirnovTest(reference, current, false);
        return new Outcome(d, clamp(p), d, 0);
    }

    /** The two-sample Kolmogorov–Smirnov D alone, without its p-value. */
    static double ksDistance(double[] reference, double[] current) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(reference, current);
    }

    /**
     * Chi-square test of homogeneity of two samples' category counts (the Pearson statistic of the 2×k table).
     * Categories empty in both samples are dropped first: Commons Math refuses them, and they carry no information.
     * With a single category left both samples are all the same value: no difference, statistic 0 and p-value 1.
     */
    static Outcome chiSquare(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("the two samples have different categories");
        }
        int[] kept = IntStream.range(0, reference.length)
                .filter(i -> reference[i] + current[i] > 0)
                .toArray();
        long[] ref = Arrays.stream(kept).mapToLong(i -> reference[i]).toArray();
        long[] cur = Arrays.stream(kept).mapToLong(i -> current[i]).toArray();
        double distance = totalVariationDistance(ref, cur);
        if (kept.length < 2) {
            return new Outcome(0.0, 1.0, distance, 0);
        }
        ChiSquareTest test = new ChiSquareTest();
        double statistic = test.chiSquareDataSetsComparison(ref, cur);
        double p = test.chiSquareTestDataSetsComparison(ref, cur);
        return new Outcome(statistic, clamp(p), distance, kept.length - 1);
    }

    /** ½·Σ|p_i − q_i| over the categories: the share of probability mass that would have to move; 0 to 1. */
    static double totalVariationDistance(long[] reference, long[] current) {
        double refTotal = Arrays.stream(reference).sum();
        double curTotal = Arrays.stream(current).sum();
        if (refTotal == 0 || curTotal == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            sum += Math.abs(reference[i] / refTotal - current[i] / curTotal);
        }
        return sum / 2;
    }

    /** The p-values adjusted for testing all of them at once, in the same order. */
    static double[] adjust(double[] pValues, Correction correction) {
        int m = pValues.length;
        return switch (correction) {
            case NONE -> pValues.clone();
            case BONFERRONI ->
                Arrays.stream(pValues).map(p -> Math.min(1.0, p * m)).toArray();
            case BENJAMINI_HOCHBERG -> benjaminiHochberg(pValues);
        };
    }

    /** Step-up: the adjusted p of the i-th smallest is min over j ≥ i of p_(j)·m/j, capped at 1. */
    private static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            adjusted[index] = Math.min(1.0, running);
        }
        return adjusted;
    }

    private static double clamp(double p) {
        if (Double.isNaN(p)) {
            throw new ArithmeticException("the test produced no p-value");
        }
        return Math.max(0.0, Math.min(1.0, p));
    }
}
