package io.bikecast.prediction.calibration;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version's interval scales for one series, a scale per lead, and the intervals served that wait for their
 * hour's actual: at most {@value #PENDING_HOURS} hours of them, the oldest forgotten first (an actual that never comes
 * must not hold memory).
 */
final class SeriesCalibration {

    /** Leads are hours ahead; a forecaster's longest is 24. */
    static final int MAX_LEAD = 24;

    static final int PENDING_HOURS = 72;

    /** What a check found, told to whoever counts the live coverage. */
    interface Checked {
        void checked(int lead, boolean covered);
    }

    private final double rate;
    private final double missRate;
    private final double minLogScale;
    private final double maxLogScale;
    private final double[] logScales = new double[MAX_LEAD + 1];
    private final Map<Long, double[]> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, double[]> eldest) {
            return size() > PENDING_HOURS;
        }
    };

    SeriesCalibration(double rate, double missRate, double minScale, double maxScale) {
        this.rate = rate;
        this.missRate = missRate;
        this.minLogScale = Math.log(minScale);
        this.maxLogScale = Math.log(maxScale);
    }

    synchronized double scale(int lead) {
        return lead < 1 || lead > MAX_LEAD ? 1.0 : Math.exp(logScales[lead]);
    }

    /** Keeps {@code [lower, upper]} as served for the hour by the lead. */
    synchronized void served(LocalDateTime hour, int lead, double lower, double upper) {
        if (lead < 1 || lead > MAX_LEAD) {
            return;
        }
        double[] intervals = pending.computeIfAbsent(index(hour), h -> emptyIntervals());
        intervals[2 * lead] = lower;
        intervals[2 * lead + 1] = upper;
    }

    /** Checks the intervals served for the hour against its actual, moves their leads' scales and forgets them. */
    synchronized void observed(LocalDateTime hour, double count, Checked checked) {
        double[] intervals = pending.remove(index(hour));
        if (intervals == null) {
            return;
        }
        for (int lead = 1; lead <= MAX_LEAD; lead++) {
            double lower = intervals[2 * lead];
            if (Double.isNaN(lower)) {
                continue;
            }
            boolean covered = count >= lower && count <= intervals[2 * lead + 1];
            logScales[lead] =
                    Math.clamp(logScales[lead] + rate * ((covered ? 0.0 : 1.0) - missRate), minLogScale, maxLogScale);
            checked.checked(lead, covered);
        }
    }

    private static double[] emptyIntervals() {
        double[] intervals = new double[2 * (MAX_LEAD + 1)];
        Arrays.fill(intervals, Double.NaN);
        return intervals;
    }

    private static long index(LocalDateTime hour) {
        return Math.floorDiv(hour.toEpochSecond(ZoneOffset.UTC), 3600);
    }
}
