package io.bikecast.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Live calibration on a stream of standard normal actuals around a prediction of 0, each hour's interval served as
 * {@code ±scale × half-width} before its actual is told: what the scale does to the coverage a user sees.
 */
class IntervalCalibrationTest {

    private static final LocalDateTime START = LocalDateTime.of(2012, 9, 1, 0, 0);

    /** The half-width of a normal's central 80% interval. */
    private static final double EIGHTY = 1.2816;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IntervalCalibration calibration = new IntervalCalibration(0.02, 0.5, 3, 1_000, meters);

    @Test
    void anIntervalThatCoversTooMuchIsNarrowedUntilOneActualInFiveFallsOutside() {
        assertSettlesAtEightyPercent(1, 1.44); // covers 85%
    }

    @Test
    void anIntervalThatCoversTooLittleIsWidenedUntilFourActualsInFiveFallInside() {
        assertSettlesAtEightyPercent(24, 0.84); // covers 60%
    }

    /** After 1,000 hours to settle, the next 4,000 are covered 80% ± 2 points, at about the normal's own width. */
    private void assertSettlesAtEightyPercent(int lead, double halfWidth) {
        ServedStream stream = new ServedStream(7, lead, halfWidth);

        stream.run(1_000);
        double laterCoverage = stream.run(4_000);

        assertThat(laterCoverage).isCloseTo(0.80, within(0.02));
        assertThat(calibration.scale(7, "system", lead) * halfWidth).isCloseTo(EIGHTY, within(0.1));
    }

    @Test
    void eachMissWidensByTheRateAndEachHitNarrowsByAQuarterOfThat() {
        calibration.served(3, "system", START, 1, 10, 20);
        calibration.observed("system", START, 30);
        assertThat(calibration.scale(3, "system", 1)).isCloseTo(Math.exp(0.016), within(1e-12));

        calibration.served(3, "system", START.plusHours(1), 1, 10, 20);
        calibration.observed("system", START.plusHours(1), 15);
        assertThat(calibration.scale(3, "system", 1)).isCloseTo(Math.exp(0.016 - 0.004), within(1e-12));
        assertThat(meters.counter("bikecast.prediction.interval.actuals", "lead", "1", "covered", "false")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("bikecast.prediction.interval.actuals", "lead", "1", "covered", "true")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anActualToldAgainIsNotCheckedTwiceAndOnlyItsSeriesAndLeadMove() {
        calibration.served(3, "system", START, 6, 10, 20);
        calibration.observed("system", START, 30);
        calibration.observed("system", START, 30);
        calibration.observed("station-1", START, 30);

        assertThat(calibration.scale(3, "system", 6)).isCloseTo(Math.exp(0.016), within(1e-12));
        assertThat(calibration.scale(3, "system", 1)).isEqualTo(1.0);
        assertThat(calibration.scale(3, "station-1", 6)).isEqualTo(1.0);
    }

    @Test
    void aNewVersionStartsFromItsOwnOffsets() {
        calibration.served(3, "system", START, 1, 10, 20);
        calibration.observed("system", START, 30);

        assertThat(calibration.scale(3, "system", 1)).isGreaterThan(1.0);
        assertThat(calibration.scale(4, "system", 1)).isEqualTo(1.0);
    }

    @Test
    void aChampionRolledBackToAnOlderVersionKeepsItsCalibration() {
        for (long version = 5; version <= 8; version++) {
            calibration.served(version, "system", START, 1, 10, 20);
        }
        calibration.served(2, "system", START, 1, 10, 20);
        calibration.observed("system", START, 30);

        assertThat(calibration.scale(2, "system", 1)).isCloseTo(Math.exp(0.016), within(1e-12));
        assertThat(calibration.scale(8, "system", 1)).isCloseTo(Math.exp(0.016), within(1e-12));
        assertThat(calibration.scale(5, "system", 1)).isEqualTo(1.0);
    }

    @Test
    void theScaleStaysWithinItsBounds() {
        for (int h = 0; h < 2_000; h++) {
            calibration.served(3, "system", START.plusHours(h), 1, 10, 20);
            calibration.observed("system", START.plusHours(h), 30);
        }
        assertThat(calibration.scale(3, "system", 1)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void aRateOfZeroServesTheOffsetsAsTrained() {
        IntervalCalibration off = new IntervalCalibration(0, 0.5, 3, 1_000, meters);
        off.served(3, "system", START, 1, 10, 20);
        off.observed("system", START, 30);

        assertThat(off.scale(3, "system", 1)).isEqualTo(1.0);
    }

    /** Serves one lead of one version for series system hour after hour, and tells each hour's actual. */
    private final class ServedStream {

        private final Random random = new Random(42);
        private final long version;
        private final int lead;
        private final double halfWidth;
        private int hour;

        ServedStream(long version, int lead, double halfWidth) {
            this.version = version;
            this.lead = lead;
            this.halfWidth = halfWidth;
        }

        /** The share of the next {@code hours} actuals that fell inside what was served for them. */
        double run(int hours) {
            int covered = 0;
            for (int i = 0; i < hours; i++, hour++) {
                LocalDateTime at = START.plusHours(hour);
                double half = halfWidth * calibration.scale(version, "system", lead);
                calibration.served(version, "system", at, lead, -half, half);
                double actual = random.nextGaussian();
                if (Math.abs(actual) <= half) {
                    covered++;
                }
                calibration.observed("system", at, actual);
            }
            return (double) covered / hours;
        }
    }
}
