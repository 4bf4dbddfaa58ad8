package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryFeaturesTest {

    private static final LocalDateTime TARGET = LocalDateTime.of(2012, 9, 30, 17, 0);

    /** Demand equal to the number of hours between the hour and the target, so each value names the hour it read. */
    private static final DemandHistory HOURS_BEFORE_TARGET =
            hour -> OptionalDouble.of(Duration.between(hour, TARGET).toHours());

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12, 24, 25, 100, 168, 200})
    void neverReadsAnHourAfterTheIssueTime(int lead) {
        LocalDateTime issuedAt = TARGET.minusHours(lead);
        List<LocalDateTime> read = new ArrayList<>();
        DemandHistory history = hour -> {
            read.add(hour);
            return OptionalDouble.of(1);
        };

        HistoryFeatures.vector(TARGET, lead, history);

        assertThat(read).isNotEmpty().allSatisfy(hour -> assertThat(hour).isBeforeOrEqualTo(issuedAt));
    }

    @Test
    void oneHourAheadReadsTheLatestHoursAndTheSameHourOfEarlierDaysAndWeeks() {
        double[] values = HistoryFeatures.vector(TARGET, 1, HOURS_BEFORE_TARGET);

        assertThat(values)
                .containsExactly(
                        1, // lag_lead
                        2, // lag_lead_1
                        3, // lag_lead_2
                        24, // lag_day
                        168, // lag_week
                        (24 + 48 + 72 + 96 + 120 + 144 + 168) / 7.0, // same_hour_7_days
                        (168 + 336 + 504 + 672) / 4.0); // same_hour_4_weeks
    }

    @Test
    void dayAheadStartsEveryFeatureAtTheLeadAtTheEarliest() {
        double[] values = HistoryFeatures.vector(TARGET, 24, HOURS_BEFORE_TARGET);

        assertThat(values).containsExactly(24, 25, 26, 24, 168, (24 + 48 + 72 + 96 + 120 + 144 + 168) / 7.0, 420);
    }

    @Test
    void aLeadOfMoreThanADayMovesTheSameHourMeanBackByWholeDays() {
        double[] values = HistoryFeatures.vector(TARGET, 30, HOURS_BEFORE_TARGET);

        assertThat(values[HistoryFeature.LAG_DAY.ordinal()]).isEqualTo(30);
        assertThat(values[HistoryFeature.SAME_HOUR_7_DAYS.ordinal()])
                .isEqualTo((48 + 72 + 96 + 120 + 144 + 168 + 192) / 7.0);
    }

    @Test
    void anHourWithoutActualIsMissingNotZeroAndMeansUseTheHoursThatAreKnown() {
        DemandHistory onlyDayAndWeekBefore = hour -> {
            long before = Duration.between(hour, TARGET).toHours();
            return before == 24 || before == 168 ? OptionalDouble.of(before) : OptionalDouble.empty();
        };

        double[] values = HistoryFeatures.vector(TARGET, 1, onlyDayAndWeekBefore);

        assertThat(values[HistoryFeature.LAG_LEAD.ordinal()]).isNaN();
        assertThat(values[HistoryFeature.LAG_DAY.ordinal()]).isEqualTo(24);
        assertThat(values[HistoryFeature.SAME_HOUR_7_DAYS.ordinal()]).isEqualTo((24 + 168) / 2.0);
        assertThat(values[HistoryFeature.SAME_HOUR_4_WEEKS.ordinal()]).isEqualTo(168);
    }

    @Test
    void noHistoryAtAllGivesOnlyMissingValues() {
        double[] values = HistoryFeatures.vector(TARGET, 3, hour -> OptionalDouble.empty());

        assertThat(values).hasSize(HistoryFeature.values().length);
        assertThat(Arrays.stream(values).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void refusesALeadBelowOneHour() {
        assertThatThrownBy(() -> HistoryFeatures.vector(TARGET, 0, HOURS_BEFORE_TARGET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 hour");
    }

    @Test
    void namesAreDistinctFromTheUciFeatures() {
        assertThat(HistoryFeatures.featureNames()).doesNotContainAnyElementsOf(List.of(FeatureSchema.featureNames()));
    }
}
