package io.bikecast.prediction.calibration;

import io.bikecast.prediction.history.ActualsObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps each served 80% interval true to its name on live data. A version's offsets were measured by training on
 * hours a calibration fit did not learn; the served fit learned more hours than that fit, and the hours it now meets
 * are not the ones it was calibrated on, so its intervals can come out wider or narrower than 80%. This is the
 * multiplicative form of adaptive conformal inference (Gibbs and Candès, 2021): per model version, series and lead, the
 * interval's offsets from the prediction are multiplied by a scale that starts at 1; when the actual of an hour
 * arrives, the interval that lead served for that hour at a horizon equal to the lead (the one its offsets were
 * calibrated at) is checked, and the scale's logarithm moves by {@code rate × (missed − 0.2)}: up 0.8 × rate on a
 * miss, down 0.2 × rate on a hit, so it settles where one in five actuals falls outside. A new version starts again
 * at 1, since it comes with offsets of its own.
 *
 * <p>State is this instance's, from the actuals it has seen since it started; it is bounded to the last
 * {@value #VERSIONS_KEPT} versions served and {@code maxSeries} series each. Every check is counted in {@code
 * bikecast.prediction.interval.actuals} ({@code lead}, {@code covered}): live coverage per lead. Thread-safe.
 */
public class IntervalCalibration implements ActualsObserver {

    static final int VERSIONS_KEPT = 4;

    private static final double MISS_RATE = 0.2;

    private final double rate;
    private final double minScale;
    private final double maxScale;
    private final int maxSeries;
    private final MeterRegistry meters;
    private final ConcurrentSkipListMap<Long, Map<String, SeriesCalibration>> versions = new ConcurrentSkipListMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IntervalCalibration(double rate, double minScale, double maxScale, int maxSeries, MeterRegistry meters) {
        this.rate = rate;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.maxSeries = maxSeries;
        this.meters = meters;
    }

    /** The scale to apply to the offsets of a version's lead for a series: 1 until actuals have said otherwise. */
    public double scale(long version, String seriesId, int lead) {
        Map<String, SeriesCalibration> series = versions.get(version);
        if (series == null) {
            return 1.0;
        }
        SeriesCalibration calibration = series.get(seriesId);
        return calibration == null ? 1.0 : calibration.scale(lead);
    }

    /**
     * Remembers the interval a version's lead served for a series' hour, issued {@code lead} hours before it, so that
     * the hour's actual can check it. A later one for the same hour and lead replaces it.
     */
    public void served(long version, String seriesId, LocalDateTime hour, int lead, double lower, double upper) {
        if (rate == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return;
        }
        seriesOf(version, seriesId).served(hour, lead, lower, upper);
    }

    @Override
    public void observed(String seriesId, LocalDateTime hour, double count) {
        for (Map<String, SeriesCalibration> series : versions.values()) {
            SeriesCalibration calibration = series.get(seriesId);
            if (calibration != null) {
                calibration.observed(
                        hour, count, (lead, covered) -> counter(lead, covered).increment());
            }
        }
    }

    private SeriesCalibration seriesOf(long version, String seriesId) {
        Map<String, SeriesCalibration> series = versions.get(version);
        if (series == null) {
            series = versions.computeIfAbsent(version, v -> new ConcurrentHashMap<>());
            // The oldest goes, unless it is this one: a champion rolled back to an older version must keep its own.
            while (versions.size() > VERSIONS_KEPT) {
                Long oldest = versions.firstKey();
                versions.remove(oldest == version ? versions.higherKey(oldest) : oldest);
            }
        }
        SeriesCalibration calibration = series.get(seriesId);
        if (calibration == null) {
            if (series.size() >= maxSeries) {
                series.keySet().stream().findAny().ifPresent(series::remove);
            }
            calibration =
                    series.computeIfAbsent(seriesId, id -> new SeriesCalibration(rate, MISS_RATE, minScale, maxScale));
        }
        return calibration;
    }

    private Counter counter(int lead, boolean covered) {
        return counters.computeIfAbsent(
                lead + ":" + covered,
                key -> Counter.builder("bikecast.prediction.interval.actuals")
                        .description(
                                "Actuals checked against the 80% interval served for their hour at the lead's horizon")
                        .tag("lead", Integer.toString(lead))
                        .tag("covered", Boolean.toString(covered))
                        .register(meters));
    }
}
