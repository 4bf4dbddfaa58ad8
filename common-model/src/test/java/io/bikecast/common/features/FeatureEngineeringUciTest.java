package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bikecast.common.features.UciData.HourRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The feature path against every row of the UCI {@code hour.csv}: the proof that training and serving agree. */
class FeatureEngineeringUciTest {

    private static final double TOLERANCE = 1e-9;
    private static final int SHOWN = 20;

    @Test
    void theDataSetHasTheDocumentedNumberOfRows() {
        assertThat(UciData.hours()).hasSize(17_379);
        assertThat(UciData.days()).hasSize(731);
    }

    @Test
    void fromNaturalReproducesEveryRowFromRealUnits() {
        assertEveryRow(row -> FeatureEngineering.fromNatural(new NaturalConditions(
                row.dteday().atTime(row.hr(), 0),
                row.temp() * 50 - 9,
                row.atemp() * 66 - 16,
                row.hum() * 100,
                row.windspeed() * 67,
                row.weathersit())));
    }

    @Test
    void fromNaturalReproducesEveryRowBitForBit() {
        List<String> different = new ArrayList<>();
        List<HourRow> rows = UciData.hours();
        for (int i = 0; i < rows.size(); i++) {
            HourRow row = rows.get(i);
            UciFeatures actual =
                    FeatureEngineering.fromNatural(FeatureEngineering.toNatural(row.dteday(), row.features()));
            if (!actual.equals(row.features())) {
                different.add(row.where(i) + ": " + actual);
            }
        }
        report(different);
    }

    @Test
    void fromDateReproducesTheCalendarFieldsOfEveryRow() {
        assertEveryRow(row -> FeatureEngineering.fromDate(
                row.dteday(), row.hr(), row.weathersit(), row.temp(), row.atemp(), row.hum(), row.windspeed()));
    }

    @Test
    void everyRowIsWithinTheSchemaRanges() {
        List<String> violations = new ArrayList<>();
        List<HourRow> rows = UciData.hours();
        for (int i = 0; i < rows.size(); i++) {
            List<String> rowViolations = rows.get(i).features().rangeViolations();
            if (!rowViolations.isEmpty()) {
                violations.add(rows.get(i).where(i) + ": " + rowViolations);
            }
        }
        report(violations);
    }

    private static void assertEveryRow(Function<HourRow, UciFeatures> featurePath) {
        List<String> mismatches = new ArrayList<>();
        List<HourRow> rows = UciData.hours();
        for (int i = 0; i < rows.size(); i++) {
            HourRow row = rows.get(i);
            UciFeatures expected = row.features();
            UciFeatures actual = featurePath.apply(row);
            for (Feature feature : FeatureSchema.features()) {
                double want = expected.value(feature);
                double got = actual.value(feature);
                boolean same = feature.kind() == FeatureKind.DISCRETE ? want == got : Math.abs(want - got) <= TOLERANCE;
                if (!same) {
                    mismatches.add(
                            row.where(i) + ": " + feature.columnName() + " expected " + want + " but was " + got);
                }
            }
        }
        report(mismatches);
    }

    private static void report(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems, the first " + Math.min(SHOWN, problems.size()) + ":\n"
                    + String.join("\n", problems.subList(0, Math.min(SHOWN, problems.size()))));
        }
    }
}
