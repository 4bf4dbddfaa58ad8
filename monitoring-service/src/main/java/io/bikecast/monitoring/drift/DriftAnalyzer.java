package io.bikecast.monitoring.drift;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureKind;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.drift.FeatureDrift.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Compares a current window with a reference sample: a Kolmogorov–Smirnov test per continuous feature and on the
 * predictions, a chi-square test per discrete feature, a multiple-testing correction over all of them, and an effect
 * size floor per test. A pure function of its inputs and settings.
 *
 * <p>Calendar features are known in advance and move with the calendar (a September window always differs from a
 * whole year in {@code mnth}): they are tested against the whole reference and reported, but never count towards
 * dataset drift. Weather and the predictions are tested against the seasonally matched reference ({@link
 * SeasonalReference}); dataset drift is the share of the weather features that drifted.
 */
final class DriftAnalyzer {

    /** The name the model's output is reported under. */
    static final String PREDICTION = "prediction";

    private final DriftProperties settings;

    DriftAnalyzer(DriftProperties settings) {
        this.settings = settings;
    }

    /**
     * The outcome of an analysis; a verdict of {@code DRIFT} or {@code NO_DRIFT} unless the samples are too small.
     *
     * @param driftShare the share of weather features that drifted
     * @param driftedFeatures the drifted weather features, in model order
     * @param driftedCalendarFeatures the calendar features that differ from the whole reference (not counted)
     * @param weatherReference what the weather and the predictions were tested against
     */
    record Analysis(
            DriftVerdict verdict,
            String detail,
            Double driftShare,
            List<String> driftedFeatures,
            List<String> driftedCalendarFeatures,
            Boolean predictionDrift,
            ReferenceSelection weatherReference,
            List<FeatureDrift> features) {}

    Analysis analyze(ReferenceSample reference, CurrentSample current) {
        if (reference.size() < settings.minReferenceSize()) {
            return notEnough("the reference sample has " + reference.size() + " rows; at least "
                    + settings.minReferenceSize() + " are needed");
        }
        if (current.size() < settings.minCurrentSize()) {
            return notEnough("the current window has " + current.size() + " predictions; at least "
                    + settings.minCurrentSize() + " are needed");
        }
        SeasonalReference.Match seasonal = SeasonalReference.select(
                reference,
                current.firstHour(),
                current.lastHour(),
                (int) settings.seasonalWindow().toDays(),
                settings.minReferenceSize());
        ReferenceSelection whole = ReferenceSelection.allHistory(reference.size(), null);
        CalibratedFloors floors = calibrate(seasonal.sample(), current);
        List<Tested> tested = new ArrayList<>();
        for (Feature feature : FeatureSchema.features()) {
            Role role = Role.forFeature(feature.columnName());
            boolean calendar = role == Role.CALENDAR;
            ReferenceSample against = calendar ? reference : seasonal.sample();
            ReferenceSelection selection = calendar ? whole : seasonal.selection();
            double[] ref = against.values(feature.columnName());
            double[] cur = current.features().get(feature.columnName());
            tested.add(
                    feature.kind() == FeatureKind.CONTINUOUS
                            ? continuous(
                                    feature.columnName(),
                                    role,
                                    selection,
                                    ref,
                                    cur,
                                    feature.min(),
                                    feature.max(),
                                    calendar
                                            ? settings.ksMinStatistic()
                                            : floors.floor(feature.columnName(), settings.ksMinStatistic()))
                            : discrete(
                                    feature,
                                    role,
                                    selection,
                                    ref,
                                    cur,
                                    calendar
                                            ? settings.chiSquareMinDistance()
                                            : floors.floor(feature.columnName(), settings.chiSquareMinDistance())));
        }
        tested.add(predictions(
                seasonal.selection(),
                seasonal.sample().predictions(),
                current.predictions(),
                floors.floor(PREDICTION, settings.ksMinStatistic())));

        double[] adjusted = DriftStatistics.adjust(
                tested.stream().mapToDouble(t -> t.outcome().pValue()).toArray(), settings.correction());
        List<FeatureDrift> results = IntStream.range(0, tested.size())
                .mapToObj(i -> tested.get(i).result(adjusted[i], settings.alpha()))
                .toList();

        List<FeatureDrift> weather =
                results.stream().filter(r -> r.role() == Role.WEATHER).toList();
        List<String> driftedWeather = drifted(results, Role.WEATHER);
        List<String> driftedCalendar = drifted(results, Role.CALENDAR);
        double share = (double) driftedWeather.size() / weather.size();
        boolean predictionDrift = results.getLast().drifted();
        boolean datasetDrift = share >= settings.datasetDriftShare();
        String detail = driftedWeather.size() + " of " + weather.size() + " weather features drifted"
                + (driftedWeather.isEmpty() ? "" : " (" + String.join(", ", driftedWeather) + ")")
                + (predictionDrift ? "; the predictions drifted" : "")
                + (datasetDrift ? "; dataset drift" : "")
                + "; tested against the " + seasonal.selection().describe()
                + "; " + floors.describe(settings.calibrationQuantile())
                + (driftedCalendar.isEmpty()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; calendar features differ from the whole reference (%s), as the calendar moves:"
                                        + " not counted",
                                String.join(", ", driftedCalendar)));
        return new Analysis(
                datasetDrift ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT,
                detail,
                share,
                driftedWeather,
                driftedCalendar,
                predictionDrift,
                seasonal.selection(),
                results);
    }

    /**
     * Floors for the weather and the predictions from windows of the current window's length inside the reference
     * they are tested against ({@link CalibratedFloors}); calendar features keep the configured floors.
     */
    private CalibratedFloors calibrate(ReferenceSample against, CurrentSample current) {
        if (settings.calibrationQuantile() == 0) {
            return CalibratedFloors.none("calibration is off");
        }
        if (current.firstHour() == null || current.lastHour() == null) {
            return CalibratedFloors.none("the current window names no predicted hours");
        }
        Duration span =
                Duration.between(current.firstHour(), current.lastHour()).plusHours(1);
        List<Feature> weather = FeatureSchema.features().stream()
                .filter(feature -> Role.forFeature(feature.columnName()) == Role.WEATHER)
                .toList();
        return CalibratedFloors.of(
                against, weather, span, settings.calibrationQuantile(), settings.minCalibrationWindows());
    }

    private static List<String> drifted(List<FeatureDrift> results, Role role) {
        return results.stream()
                .filter(r -> r.role() == role && r.drifted())
                .map(FeatureDrift::feature)
                .toList();
    }

    private static Analysis notEnough(String detail) {
        return new Analysis(DriftVerdict.NOT_ENOUGH_DATA, detail, null, List.of(), List.of(), null, null, List.of());
    }

    private Tested continuous(
            String name,
            Role role,
            ReferenceSelection selection,
            double[] ref,
            double[] cur,
            double min,
            double max,
            double floor) {
        DriftStatistics.Outcome outcome = DriftStatistics.kolmogorovSmirnov(ref, cur);
        return new Tested(
                name,
                role,
                selection,
                StatisticalTest.KOLMOGOROV_SMIRNOV,
                outcome,
                floor,
                mean(ref),
                mean(cur),
                binned(ref, cur, min, max, settings.histogramBins()));
    }

    private Tested predictions(ReferenceSelection selection, double[] ref, double[] cur, double floor) {
        double min = Math.min(
                Arrays.stream(ref).min().orElse(0), Arrays.stream(cur).min().orElse(0));
        double max = Math.max(
                Arrays.stream(ref).max().orElse(1), Arrays.stream(cur).max().orElse(1));
        return continuous(PREDICTION, Role.PREDICTION, selection, ref, cur, Math.min(0, min), max, floor);
    }

    private Tested discrete(
            Feature feature, Role role, ReferenceSelection selection, double[] ref, double[] cur, double floor) {
        int[] categories = feature.categories();
        long[] refCounts = counts(ref, categories);
        long[] curCounts = counts(cur, categories);
        DriftStatistics.Outcome outcome = DriftStatistics.chiSquare(refCounts, curCounts);
        List<String> labels =
                Arrays.stream(categories).mapToObj(Integer::toString).toList();
        return new Tested(
                feature.columnName(),
                role,
                selection,
                StatisticalTest.CHI_SQUARE,
                outcome,
                floor,
                mean(ref),
                mean(cur),
                new Histogram(labels, shares(refCounts), shares(curCounts)));
    }

    /** Counts per category; a value that is no valid code is refused, since it cannot be placed honestly. */
    static long[] counts(double[] values, int[] categories) {
        int first = categories[0];
        long[] counts = new long[categories.length];
        for (double value : values) {
            int index = (int) Math.rint(value) - first;
            if (index < 0 || index >= counts.length || value != Math.rint(value)) {
                throw new IllegalArgumentException("the value " + value + " is not one of the codes " + first + ".."
                        + categories[categories.length - 1]);
            }
            counts[index]++;
        }
        return counts;
    }

    private static Histogram binned(double[] ref, double[] cur, double min, double max, int bins) {
        double width = (max - min) / bins;
        List<String> labels = IntStream.range(0, bins)
                .mapToObj(i -> String.format(Locale.ROOT, "%.3g", min + i * width))
                .toList();
        return new Histogram(labels, shares(bin(ref, min, width, bins)), shares(bin(cur, min, width, bins)));
    }

    private static long[] bin(double[] values, double min, double width, int bins) {
        long[] counts = new long[bins];
        for (double value : values) {
            int index = width > 0 ? (int) Math.floor((value - min) / width) : 0;
            counts[Math.max(0, Math.min(bins - 1, index))]++;
        }
        return counts;
    }

    private static double[] shares(long[] counts) {
        double total = Arrays.stream(counts).sum();
        return Arrays.stream(counts)
                .mapToDouble(c -> total == 0 ? 0 : c / total)
                .toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private record Tested(
            String name,
            Role role,
            ReferenceSelection selection,
            StatisticalTest test,
            DriftStatistics.Outcome outcome,
            double floor,
            double referenceMean,
            double currentMean,
            Histogram histogram) {

        FeatureDrift result(double adjustedP, double alpha) {
            boolean drift = adjustedP < alpha && outcome.effectSize() >= floor;
            return new FeatureDrift(
                    name,
                    role,
                    selection.reference(),
                    selection.referenceFrom(),
                    selection.referenceTo(),
                    selection.referenceSize(),
                    test,
                    outcome.statistic(),
                    outcome.pValue(),
                    adjustedP,
                    outcome.effectSize(),
                    floor,
                    outcome.degreesOfFreedom(),
                    referenceMean,
                    currentMean,
                    drift ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT,
                    histogram);
        }
    }
}
