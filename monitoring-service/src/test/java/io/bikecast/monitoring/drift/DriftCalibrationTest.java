package io.bikecast.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.support.SettingsDefaults;
import io.bikecast.testsupport.UciDataset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The weekly drift checks of September–December 2012 against the reference of a model trained on every hour before
 * (a stride of 8,760 rows, as training stores it), on the real UCI weather: ordinary weeks are not dataset drift, a
 * real shift in the weather is.
 */
class DriftCalibrationTest {

    private static final LocalDateTime BOOTSTRAP_END = LocalDateTime.of(2012, 9, 1, 0, 0);

    private final ReferenceSample reference = reference();

    @Test
    void ordinaryWeeksOfWeatherAreNotDatasetDriftOnceTheFloorsAreCalibrated() {
        DriftProperties calibrated = SettingsDefaults.of(DriftProperties.class);
        DriftProperties fixed = withCalibrationQuantile(calibrated, 0);

        int weeks = 0;
        int driftWithFixedFloors = 0;
        int driftWithCalibratedFloors = 0;
        for (LocalDateTime start = BOOTSTRAP_END;
                start.isBefore(LocalDateTime.of(2012, 12, 25, 0, 0));
                start = start.plusDays(7)) {
            CurrentSample week = week(start, v -> v);
            weeks++;
            if (new DriftAnalyzer(fixed).analyze(reference, week).verdict() == DriftVerdict.DRIFT) {
                driftWithFixedFloors++;
            }
            DriftAnalyzer.Analysis analysis = new DriftAnalyzer(calibrated).analyze(reference, week);
            if (analysis.verdict() == DriftVerdict.DRIFT) {
                driftWithCalibratedFloors++;
            }
            assertThat(analysis.detail()).contains("reference windows of the same length");
        }

        assertThat(weeks).isEqualTo(17);
        // With the fixed floors most ordinary weeks look like drift; calibrated, at most one in ten does.
        assertThat(driftWithFixedFloors).isGreaterThan(weeks / 2);
        assertThat(driftWithCalibratedFloors).isLessThanOrEqualTo(weeks / 10);
    }

    @Test
    void aWeekFarWarmerAndMoreHumidThanItsSeasonIsStillDrift() {
        DriftProperties calibrated = SettingsDefaults.of(DriftProperties.class);
        CurrentSample shifted = week(LocalDateTime.of(2012, 10, 1, 0, 0), v -> Math.min(1, v + 0.25));

        DriftAnalyzer.Analysis analysis = new DriftAnalyzer(calibrated).analyze(reference, shifted);

        assertThat(analysis.verdict()).isEqualTo(DriftVerdict.DRIFT);
        assertThat(analysis.driftedFeatures()).contains("temp", "atemp", "hum");
        FeatureDrift temp = analysis.features().stream()
                .filter(f -> f.feature().equals("temp"))
                .findFirst()
                .orElseThrow();
        // The floor it had to clear is the calibrated one, above the fixed 0.1, and the report says so.
        assertThat(temp.effectSizeFloor()).isGreaterThan(calibrated.ksMinStatistic());
    }

    private static ReferenceSample reference() {
        List<UciDataset.HourRow> rows = UciDataset.hours().stream()
                .filter(row -> hour(row).isBefore(BOOTSTRAP_END))
                .toList();
        int size = Math.min(8760, rows.size());
        List<UciDataset.HourRow> sample = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sample.add(rows.get((int) ((long) i * rows.size() / size)));
        }
        return new ReferenceSample(
                columns(sample, v -> v),
                sample.stream().mapToDouble(UciDataset.HourRow::cnt).toArray(),
                sample.stream().map(DriftCalibrationTest::hour).toList());
    }

    /** The 168 hours from {@code start}, their weather changed by {@code weather}, their counts as predictions. */
    private static CurrentSample week(LocalDateTime start, DoubleUnaryOperator weather) {
        List<UciDataset.HourRow> rows = UciDataset.hours().stream()
                .filter(row -> !hour(row).isBefore(start) && hour(row).isBefore(start.plusDays(7)))
                .toList();
        return new CurrentSample(
                columns(rows, weather),
                rows.stream().mapToDouble(UciDataset.HourRow::cnt).toArray(),
                hour(rows.getFirst()),
                hour(rows.getLast()),
                null,
                null,
                1);
    }

    private static Map<String, double[]> columns(List<UciDataset.HourRow> rows, DoubleUnaryOperator weather) {
        String[] names = FeatureSchema.featureNames();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int f = 0; f < names.length; f++) {
            boolean shifted = List.of("temp", "atemp", "hum").contains(names[f]);
            double[] values = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double value = rows.get(i).features().toVector()[f];
                values[i] = shifted ? weather.applyAsDouble(value) : value;
            }
            columns.put(names[f], values);
        }
        return columns;
    }

    private static DriftProperties withCalibrationQuantile(DriftProperties d, double quantile) {
        return new DriftProperties(
                d.scheduleEnabled(),
                d.checkInterval(),
                d.initialDelay(),
                d.windowMode(),
                d.windowSize(),
                d.windowHours(),
                d.minCurrentSize(),
                d.minReferenceSize(),
                d.seasonalWindow(),
                d.alpha(),
                d.correction(),
                d.ksMinStatistic(),
                d.chiSquareMinDistance(),
                quantile,
                d.minCalibrationWindows(),
                d.datasetDriftShare(),
                d.histogramBins());
    }

    private static LocalDateTime hour(UciDataset.HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }
}
