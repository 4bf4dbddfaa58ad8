package io.bikecast.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Selecting the order statistics must give the percentile that sorting gives, bit for bit. */
class PercentilesTest {

    @Test
    void selectionAnswersAsSorting() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 1; n <= 130; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    // Few distinct values in some trials, so that ties and runs of equal values are selected too.
                    values[i] = trial % 2 == 0 ? random.nextInt(5) : random.nextDouble(-100, 900);
                }
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                for (double p : new double[] {0, Percentiles.LOWER, 0.5, Percentiles.UPPER, 1}) {
                    assertThat(Percentiles.of(values, p))
                            .as("n %d, p %s", n, p)
                            .isEqualTo(Percentiles.ofSorted(sorted, p));
                }
            }
        }
    }
}
