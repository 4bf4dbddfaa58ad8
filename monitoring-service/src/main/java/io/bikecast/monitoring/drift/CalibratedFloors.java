package io.bikecast.monitoring.drift;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureKind;
import io.bikecast.common.registry.ReferenceSample;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Effect-size floors calibrated on the reference itself. A week of hourly weather is strongly autocorrelated: a warm
 * week, or a wet one, differs from the climatology of its weeks of the year by a Kolmogorov–Smirnov D well above 0.1
 * although nothing about the world has changed. A fixed floor therefore flags weather "drift" on almost every check.
 *
 * <p>This class asks how far a window of the same length lies from its reference when there is, by construction, no
 * drift: every window of that many hours inside the reference (starting at each midnight, ending inside the same
 * stretch of data) is compared with the rest of the reference, and the chosen quantile of those effect sizes becomes
 * the feature's floor. A current window then counts as drifted only if it lies further from the reference than all
 * but the most unusual of the reference's own windows. The reference sample is a stride over the served fit, so its
 * windows hold fewer rows than the current one; that makes their effect sizes somewhat larger and the floor cautious.
 */
final class CalibratedFloors {

    private final Map<String, Double> floors;
    private final int windows;
    private final String note;

    private CalibratedFloors(Map<String, Double> floors, int windows, String note) {
        this.floors = Map.copyOf(floors);
        this.windows = windows;
        this.note = note;
    }

    /** No calibration: every feature keeps its configured floor. */
    static CalibratedFloors none(String why) {
        return new CalibratedFloors(Map.of(), 0, why);
    }

    /**
     * Calibrates the floors of the given features and of the predictions on windows of {@code span} inside {@code
     * reference}.
     *
     * @param reference the reference the current window is tested against, with its hours, oldest first
     * @param quantile the quantile of the reference windows' effect sizes taken as the floor, in (0, 1]
     * @param minWindows with fewer reference windows than this, no calibration
     */
    static CalibratedFloors of(
            ReferenceSample reference, List<Feature> features, Duration span, double quantile, int minWindows) {
        if (!reference.hasHours()) {
            return none("the reference has no hours");
        }
        List<int[]> blocks = blocks(reference.hours(), span);
        if (blocks.size() < minWindows) {
            return none("only " + blocks.size() + " windows of " + span.toHours() + " h fit in the reference; at least "
                    + minWindows + " are needed to calibrate the floors");
        }
        Map<String, Double> floors = new HashMap<>();
        for (Feature feature : features) {
            double[] values = reference.values(feature.columnName());
            floors.put(
                    feature.columnName(),
                    quantile(
                            blocks,
                            block -> feature.kind() == FeatureKind.CONTINUOUS
                                    ? ksDistance(values, block)
                                    : categoryDistance(values, block, feature.categories()),
                            quantile));
        }
        double[] predictions = reference.predictions();
        floors.put(DriftAnalyzer.PREDICTION, quantile(blocks, block -> ksDistance(predictions, block), quantile));
        return new CalibratedFloors(floors, blocks.size(), null);
    }

    /** The floor of a feature: its calibrated one, but never below the configured one. */
    double floor(String feature, double configured) {
        return Math.max(configured, floors.getOrDefault(feature, 0.0));
    }

    /** A few words for a report's detail. */
    String describe(double quantile) {
        return windows == 0
                ? "effect-size floors not calibrated (" + note + ")"
                : String.format(
                        Locale.ROOT,
                        "effect-size floors at the %.0fth percentile of %d reference windows of the same length",
                        quantile * 100,
                        windows);
    }

    /**
     * The windows {@code [midnight, midnight + span)} of the reference, as row index ranges {@code [from, to)}, that
     * lie inside one stretch of data: rows within a day of both ends, so a window never bridges two years' seasons.
     */
    private static List<int[]> blocks(List<LocalDateTime> hours, Duration span) {
        List<int[]> blocks = new ArrayList<>();
        int from = 0;
        LocalDateTime previousStart = null;
        for (int i = 0; i < hours.size(); i++) {
            LocalDateTime start = hours.get(i).toLocalDate().atStartOfDay();
            if (start.equals(previousStart)) {
                continue;
            }
            previousStart = start;
            from = i;
            LocalDateTime end = start.plus(span);
            int to = from;
            while (to < hours.size() && hours.get(to).isBefore(end)) {
                to++;
            }
            boolean covered = hours.get(from).isBefore(start.plusDays(1))
                    && !hours.get(to - 1).isBefore(end.minusDays(1));
            if (covered && to - from >= 2 && hours.size() - (to - from) >= 2) {
                blocks.add(new int[] {from, to});
            }
        }
        return blocks;
    }

    private interface Distance {
        double of(int[] block);
    }

    private static double quantile(List<int[]> blocks, Distance distance, double quantile) {
        double[] distances = blocks.stream().mapToDouble(distance::of).toArray();
        return new Percentile().evaluate(distances, quantile * 100);
    }

    private static double ksDistance(double[] values, int[] block) {
        return DriftStatistics.ksDistance(rest(values, block), inside(values, block));
    }

    private static double categoryDistance(double[] values, int[] block, int[] categories) {
        return DriftStatistics.totalVariationDistance(
                DriftAnalyzer.counts(rest(values, block), categories),
                DriftAnalyzer.counts(inside(values, block), categories));
    }

    private static double[] inside(double[] values, int[] block) {
        return Arrays.copyOfRange(values, block[0], block[1]);
    }

    private static double[] rest(double[] values, int[] block) {
        return IntStream.range(0, values.length)
                .filter(i -> i < block[0] || i >= block[1])
                .mapToDouble(i -> values[i])
                .toArray();
    }
}
