package io.bikecast.monitoring.drift;

/** Which test a feature got, and which effect size goes with it. */
public enum StatisticalTest {
    /** Two-sample Kolmogorov–Smirnov, for continuous values; effect size D. */
    KOLMOGOROV_SMIRNOV("D"),
    /** Chi-square test of homogeneity on category counts, for discrete codes; effect size total variation distance. */
    CHI_SQUARE("total variation distance");

    private final String effectSize;

    StatisticalTest(String effectSize) {
        this.effectSize = effectSize;
    }

    /** The name of this test's effect size. */
    public String effectSize() {
        return effectSize;
    }
}
