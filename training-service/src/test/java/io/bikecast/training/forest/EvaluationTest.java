package io.bikecast.training.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.events.ModelMetrics;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void computesRmseMaeR2AndTheShareWithinTwentyPercent() {
        double[] actual = {100, 200, 300, 0};
        double[] predicted = {110, 150, 300, 0.5};

        ModelMetrics metrics = Evaluation.metrics(actual, predicted);

        // errors 10, -50, 0, 0.5
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt((100 + 2500 + 0 + 0.25) / 4), within(1e-9));
        assertThat(metrics.mae()).isCloseTo((10 + 50 + 0 + 0.5) / 4, within(1e-9));
        // mean 150: total sum of squares 2500 + 2500 + 22500 + 22500
        assertThat(metrics.r2()).isCloseTo(1 - 2600.25 / 50000, within(1e-9));
        // 110 vs 100 and 300 vs 300 are within 20%, 150 vs 200 is not, 0.5 vs 0 counts as close
        assertThat(metrics.withinTwentyPercent()).isEqualTo(0.75);
    }

    @Test
    void refusesMismatchedOrEmptyInputs() {
        assertThatThrownBy(() -> Evaluation.metrics(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluation.metrics(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
