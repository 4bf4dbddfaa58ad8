package io.bikecast.local;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What was served at each forecast horizon, scored against the actuals: the backtest's {@code horizons}. A forecast
 * issued after the actual of hour {@code t} for hour {@code t + h} counts at horizon {@code h}. The interval counts as
 * covering when the actual lies inside it, bounds included.
 */
final class HorizonScores {

    /** The horizons the backtest reports on: the next hour, the next few (rebalancing) and the next day (staffing). */
    static final List<Integer> HORIZONS = List.of(1, 3, 6, 24);

    private final Map<Integer, Sums> sums = new TreeMap<>();

    HorizonScores() {
        HORIZONS.forEach(horizon -> sums.put(horizon, new Sums()));
    }

    /** One served forecast; a horizon the backtest does not report on is ignored. */
    void add(int horizon, double predicted, Double p10, Double p90, double actual) {
        Sums at = sums.get(horizon);
        if (at != null) {
            at.add(predicted, p10, p90, actual);
        }
    }

    /** Per horizon its scores, empty horizons left out. */
    SortedMap<Integer, Score> scores() {
        SortedMap<Integer, Score> scores = new TreeMap<>();
        sums.forEach((horizon, at) -> {
            if (at.errors.count() > 0) {
                scores.put(horizon, at.score());
            }
        });
        return scores;
    }

    /**
     * @param coverage80 the share of forecasts with an interval whose interval held the actual; null if none had one
     */
    record Score(int forecasts, double rmse, double mae, Double coverage80) {}

    private static final class Sums {
        private final ErrorSums errors = new ErrorSums();
        private int withInterval;
        private int covered;

        void add(double predicted, Double p10, Double p90, double actual) {
            errors.add(predicted, actual);
            if (p10 != null && p90 != null) {
                withInterval++;
                if (actual >= p10 && actual <= p90) {
                    covered++;
                }
            }
        }

        Score score() {
            return new Score(
                    errors.count(),
                    errors.rmse(),
                    errors.mae(),
                    withInterval == 0 ? null : (double) covered / withInterval);
        }
    }
}
