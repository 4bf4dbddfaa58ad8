package io.bikecast.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.monitoring.drift.DriftProperties.Correction;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The statistics against values computed independently of this code: with SciPy 1.17.1 on this machine, from the
 * same deterministic samples, by this script:
 *
 * <pre>
 * from scipy import stats
 * x = [((i*7919) % 1000)/1000 for i in range(1000)]
 * y = [(((j*104729) % 800 + 0.5)/800)**1.2 for j in range(800)]
 * stats.ks_2samp(x, y).statistic                           # D 0.0675
 * # the limiting Kolmogorov distribution at D·√(nm/(n+m)), which Commons Math uses when n·m ≥ 10,000
 * # (ks_2samp's 'asymp' uses a finite-n approximation instead and gives 0.03338):
 * stats.kstwobign.sf(0.0675 * math.sqrt(1000*800/1800))     # p 0.034844565006970606
 * xs = [((i*37) % 60 + 0.25)/60 for i in range(60)]
 * ys = [(((j*53) % 50 + 0.5)/50)**1.5 for j in range(50)]
 * stats.ks_2samp(xs, ys, method='exact')                    # D 0.16, p 0.44042358812153937
 * stats.chi2_contingency([[500,300,150],[380,260,190]], correction=False)      # 15.909078798407002, 0.00035106491829116923
 * stats.chi2_contingency([[500,300,150,1],[380,260,190,20]], correction=False) # 35.564912528324925, 9.254689712236868e-08
 * stats.chi2_contingency([[700,300],[640,360]], correction=False)             # 8.14111261872456, 0.004327272365904393
 * stats.false_discovery_control([0.01, 0.04, 0.03, 0.005])  # [0.02, 0.04, 0.04, 0.02]
 * </pre>
 *
 * The 2×2 case is also checked against the closed form p = erfc(√(χ²/2)) for one degree of freedom, computed here
 * from a series, and its statistic against the textbook Pearson sum over expected counts from the margins.
 */
class DriftStatisticsTest {

    private static final Offset<Double> CLOSE = within(1e-9);

    @Test
    void kolmogorovSmirnovMatchesScipyAsymptotically() {
        double[] x = IntStream.range(0, 1000)
                .mapToDouble(i -> ((i * 7919) % 1000) / 1000.0)
                .toArray();
        double[] y = IntStream.range(0, 800)
                .mapToDouble(j -> Math.pow((((long) j * 104729) % 800 + 0.5) / 800, 1.2))
                .toArray();
        DriftStatistics.Outcome outcome = DriftStatistics.kolmogorovSmirnov(x, y);
        assertThat(outcome.statistic()).isCloseTo(0.0675, CLOSE);
        assertThat(outcome.effectSize()).isEqualTo(outcome.statistic());
        assertThat(outcome.pValue()).isCloseTo(0.034844565006970606, within(1e-9));
    }

    @Test
    void kolmogorovSmirnovMatchesScipyExactlyOnSmallSamples() {
        double[] x = IntStream.range(0, 60)
                .mapToDouble(i -> ((i * 37) % 60 + 0.25) / 60)
                .toArray();
        double[] y = IntStream.range(0, 50)
                .mapToDouble(j -> Math.pow(((j * 53) % 50 + 0.5) / 50, 1.5))
                .toArray();
        DriftStatistics.Outcome outcome = DriftStatistics.kolmogorovSmirnov(x, y);
        assertThat(outcome.statistic()).isCloseTo(0.16, CLOSE);
        assertThat(outcome.pValue()).isCloseTo(0.44042358812153937, within(1e-6));
    }

    @Test
    void chiSquareMatchesScipyAndDropsCategoriesEmptyInBothSamples() {
        DriftStatistics.Outcome threeCategories =
                DriftStatistics.chiSquare(new long[] {500, 300, 150, 0}, new long[] {380, 260, 190, 0});
        assertThat(threeCategories.statistic()).isCloseTo(15.909078798407002, within(1e-9));
        assertThat(threeCategories.pValue()).isCloseTo(0.00035106491829116923, within(1e-12));
        assertThat(threeCategories.degreesOfFreedom()).isEqualTo(2);

        DriftStatistics.Outcome fourCategories =
                DriftStatistics.chiSquare(new long[] {500, 300, 150, 1}, new long[] {380, 260, 190, 20});
        assertThat(fourCategories.statistic()).isCloseTo(35.564912528324925, within(1e-9));
        assertThat(fourCategories.pValue()).isCloseTo(9.254689712236868e-08, within(1e-14));
        assertThat(fourCategories.degreesOfFreedom()).isEqualTo(3);
    }

    @Test
    void chiSquareOnATwoByTwoTableMatchesTheClosedForm() {
        long[] reference = {700, 300};
        long[] current = {640, 360};
        DriftStatistics.Outcome outcome = DriftStatistics.chiSquare(reference, current);

        double total = 2000;
        double[] columnTotals = {1340, 660};
        double pearson = 0;
        for (int c = 0; c < 2; c++) {
            double expectedReference = 1000 * columnTotals[c] / total;
            double expectedCurrent = 1000 * columnTotals[c] / total;
            pearson += Math.pow(reference[c] - expectedReference, 2) / expectedReference
                    + Math.pow(current[c] - expectedCurrent, 2) / expectedCurrent;
        }
        assertThat(outcome.statistic()).isCloseTo(pearson, within(1e-9)).isCloseTo(8.14111261872456, within(1e-9));
        assertThat(outcome.pValue())
                .isCloseTo(erfc(Math.sqrt(pearson / 2)), within(1e-9))
                .isCloseTo(0.004327272365904393, within(1e-12));
        // Total variation distance: half of |0.70 − 0.64| + |0.30 − 0.36|.
        assertThat(outcome.effectSize()).isCloseTo(0.06, CLOSE);
    }

    @Test
    void aFeatureWithASingleCategoryInBothSamplesHasNoDrift() {
        DriftStatistics.Outcome outcome = DriftStatistics.chiSquare(new long[] {0, 1000}, new long[] {0, 400});
        assertThat(outcome.statistic()).isZero();
        assertThat(outcome.pValue()).isEqualTo(1.0);
        assertThat(outcome.effectSize()).isZero();
    }

    @Test
    void aCompleteSwitchOfCategoryIsMaximalDrift() {
        // yr: the reference is all 2011, the window all 2012.
        DriftStatistics.Outcome outcome = DriftStatistics.chiSquare(new long[] {1000, 0}, new long[] {0, 400});
        assertThat(outcome.effectSize()).isEqualTo(1.0);
        assertThat(outcome.pValue()).isLessThan(1e-100);
    }

    @Test
    void correctionsMatchTheirDefinitions() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        assertThat(DriftStatistics.adjust(p, Correction.BENJAMINI_HOCHBERG))
                .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
        assertThat(DriftStatistics.adjust(p, Correction.BONFERRONI))
                .containsExactly(new double[] {0.04, 0.16, 0.12, 0.02}, within(1e-12));
        assertThat(DriftStatistics.adjust(new double[] {0.3, 0.5}, Correction.BONFERRONI))
                .containsExactly(new double[] {0.6, 1.0}, within(1e-12));
        assertThat(DriftStatistics.adjust(p, Correction.NONE)).containsExactly(p);
    }

    /** erfc by its Taylor series for erf (converges fast for the small arguments used here). */
    private static double erfc(double x) {
        double sum = 0;
        double term = x;
        for (int n = 0; n < 60; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 1 - 2 / Math.sqrt(Math.PI) * sum;
    }
}
