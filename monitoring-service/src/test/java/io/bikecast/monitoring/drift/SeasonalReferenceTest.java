package io.bikecast.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which reference rows are "the same weeks of the year", and when the whole reference is used instead. */
class SeasonalReferenceTest {

    @Test
    void rowsWithinTheWindowOfAnyCoveredDayMatchInEveryYear() {
        ReferenceSample reference = sample(
                "2011-08-17", "2011-08-18", "2011-09-05", "2011-09-21", "2011-09-22", "2012-08-20", "2012-09-21");
        SeasonalReference.Match match = SeasonalReference.select(
                reference, LocalDateTime.of(2012, 9, 1, 0, 0), LocalDateTime.of(2012, 9, 7, 23, 0), 14, 2);
        assertThat(match.selection())
                .isEqualTo(new ReferenceSelection(ReferenceSelection.SEASONAL, "08-18", "09-21", 5, null));
        assertThat(match.sample().hours().stream().map(LocalDateTime::toLocalDate))
                .containsExactly(
                        LocalDate.parse("2011-08-18"),
                        LocalDate.parse("2011-09-05"),
                        LocalDate.parse("2011-09-21"),
                        LocalDate.parse("2012-08-20"),
                        LocalDate.parse("2012-09-21"));
        // Features and predictions are taken from the same rows.
        assertThat(match.sample().values("temp")).containsExactly(2.0, 3.0, 4.0, 6.0, 7.0);
        assertThat(match.sample().predictions()).containsExactly(20.0, 30.0, 40.0, 60.0, 70.0);
    }

    @Test
    void theYearWrapsAroundAndTheLeapDayIsADayLikeAnyOther() {
        ReferenceSample reference = sample("2011-01-10", "2011-01-20", "2011-12-10", "2012-02-29", "2011-03-01");
        SeasonalReference.Match winter = SeasonalReference.select(
                reference, LocalDateTime.of(2012, 12, 25, 0, 0), LocalDateTime.of(2012, 12, 31, 23, 0), 14, 1);
        assertThat(winter.selection().referenceFrom()).isEqualTo("12-11");
        assertThat(winter.selection().referenceTo()).isEqualTo("01-14");
        assertThat(winter.sample().hours()).containsExactly(LocalDateTime.parse("2011-01-10T00:00"));

        SeasonalReference.Match march = SeasonalReference.select(
                reference, LocalDateTime.of(2013, 3, 1, 0, 0), LocalDateTime.of(2013, 3, 1, 23, 0), 0, 1);
        assertThat(march.sample().hours()).containsExactly(LocalDateTime.parse("2011-03-01T00:00"));
        SeasonalReference.Match leapDayAndAfter = SeasonalReference.select(
                reference, LocalDateTime.of(2013, 2, 28, 0, 0), LocalDateTime.of(2013, 3, 1, 23, 0), 1, 1);
        assertThat(leapDayAndAfter.sample().size()).isEqualTo(2);
    }

    @Test
    void withoutHoursOrWithTooFewMatchingRowsTheWholeReferenceIsUsedAndTheReportSaysWhy() {
        ReferenceSample withoutHours = new ReferenceSample(sample("2011-09-01").features(), new double[] {10});
        SeasonalReference.Match noHours = SeasonalReference.select(
                withoutHours, LocalDateTime.of(2012, 9, 1, 0, 0), LocalDateTime.of(2012, 9, 7, 0, 0), 14, 1);
        assertThat(noHours.sample()).isSameAs(withoutHours);
        assertThat(noHours.selection().reference()).isEqualTo(ReferenceSelection.ALL_HISTORY);
        assertThat(noHours.selection().note()).contains("no hours");

        ReferenceSample reference = sample("2011-09-01", "2011-03-01", "2011-04-01");
        SeasonalReference.Match tooFew = SeasonalReference.select(
                reference, LocalDateTime.of(2012, 9, 1, 0, 0), LocalDateTime.of(2012, 9, 7, 0, 0), 14, 2);
        assertThat(tooFew.sample()).isSameAs(reference);
        assertThat(tooFew.selection())
                .isEqualTo(ReferenceSelection.allHistory(
                        3,
                        "only 1 reference rows lie within ±14 days of the window's days of the year (08-18 … 09-21);"
                                + " at least 2 are needed"));
    }

    /** One row per date (at midnight), temp 1, 2, 3, … and predictions 10, 20, 30, … in that order. */
    private static ReferenceSample sample(String... dates) {
        Map<String, double[]> features = new LinkedHashMap<>();
        double[] counting = new double[dates.length];
        Arrays.setAll(counting, i -> i + 1);
        for (String name : FeatureSchema.featureNames()) {
            features.put(name, counting.clone());
        }
        double[] predictions = Arrays.stream(counting).map(v -> v * 10).toArray();
        List<LocalDateTime> hours =
                Arrays.stream(dates).map(d -> LocalDate.parse(d).atStartOfDay()).toList();
        return new ReferenceSample(features, predictions, hours);
    }
}
