package io.bikecast.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.prediction.support.TestModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A value's bin against a threshold's rank must decide every split as {@code x > threshold} does, for any double. */
class ThresholdBinsTest {

    private static final double[] EDGES = {
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NaN
    };

    @Test
    void aBinAboveARankIsAValueAboveItsThreshold() {
        SplittableRandom random = new SplittableRandom(7);
        int splits = 2_000;
        int[] feature = new int[splits];
        double[] threshold = new double[splits];
        for (int s = 0; s < splits; s++) {
            feature[s] = random.nextInt(ServingVector.HISTORY_START);
            threshold[s] = s < EDGES.length - 1 ? EDGES[s] : Math.round(random.nextDouble(-2, 2) * 40) / 40.0;
        }
        ThresholdBins bins = ThresholdBins.of(feature, threshold, splits);

        List<Double> values = new ArrayList<>(List.of(-3.0, 3.0, Double.NaN));
        for (double t : threshold) {
            values.addAll(List.of(t, Math.nextUp(t), Math.nextDown(t)));
        }
        for (double x : values) {
            double[] vector = new double[ServingVector.NAMES.length];
            Arrays.fill(vector, x);
            int[] bin = new int[vector.length];
            bins.fill(vector, bin);
            for (int s = 0; s < splits; s++) {
                assertThat(bin[feature[s]] > bins.rank(feature[s], threshold[s]))
                        .as("%s > %s", x, threshold[s])
                        .isEqualTo(x > threshold[s]);
            }
        }
    }

    @Test
    void aMissingHistoryFeatureIsBinnedAsZero() {
        int history = ServingVector.HISTORY_START;
        ThresholdBins bins = ThresholdBins.of(new int[] {history, history, history}, new double[] {-1, 0, 2}, 3);
        double[] vector = ServingVector.withoutHistory(TestModels.row(5).features());
        int[] bin = new int[vector.length];

        bins.fill(vector, bin);

        assertThat(bin[history]).as("0 is above -1 only").isEqualTo(1);
    }
}
