package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeatureTest {

    @Test
    void hasTheTwelveUciFeaturesInModelOrder() {
        assertThat(Arrays.stream(Feature.values()).map(Feature::columnName))
                .containsExactly(
                        "season",
                        "yr",
                        "mnth",
                        "hr",
                        "holiday",
                        "weekday",
                        "workingday",
                        "weathersit",
                        "temp",
                        "atemp",
                        "hum",
                        "windspeed");
    }

    @Test
    void calendarAndWeatherCodesAreDiscreteAndMeasurementsContinuous() {
        assertThat(Arrays.stream(Feature.values()).filter(f -> f.kind() == FeatureKind.DISCRETE))
                .containsExactly(
                        Feature.SEASON,
                        Feature.YR,
                        Feature.MNTH,
                        Feature.HR,
                        Feature.HOLIDAY,
                        Feature.WEEKDAY,
                        Feature.WORKINGDAY,
                        Feature.WEATHERSIT);
        assertThat(Arrays.stream(Feature.values()).filter(f -> f.kind() == FeatureKind.CONTINUOUS))
                .containsExactly(Feature.TEMP, Feature.ATEMP, Feature.HUM, Feature.WINDSPEED);
    }

    @Test
    void knowsTheRangeOfEachFeature() {
        assertRange(Feature.SEASON, 1, 4);
        assertRange(Feature.YR, 0, 1);
        assertRange(Feature.MNTH, 1, 12);
        assertRange(Feature.HR, 0, 23);
        assertRange(Feature.HOLIDAY, 0, 1);
        assertRange(Feature.WEEKDAY, 0, 6);
        assertRange(Feature.WORKINGDAY, 0, 1);
        assertRange(Feature.WEATHERSIT, 1, 4);
        assertRange(Feature.TEMP, 0, 1);
        assertRange(Feature.ATEMP, 0, 1);
        assertRange(Feature.HUM, 0, 1);
        assertRange(Feature.WINDSPEED, 0, 1);
    }

    @Test
    void discreteFeaturesListEveryCategory() {
        assertThat(Feature.SEASON.categories()).containsExactly(1, 2, 3, 4);
        assertThat(Feature.WEEKDAY.categories()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(Feature.HR.categories()).hasSize(24).startsWith(0).endsWith(23);
        assertThat(Feature.MNTH.categories()).hasSize(12).startsWith(1).endsWith(12);
        assertThat(Feature.HOLIDAY.categories()).containsExactly(0, 1);
        assertThat(Feature.WEATHERSIT.categories()).containsExactly(1, 2, 3, 4);
        assertThat(Feature.TEMP.categories()).isEmpty();
    }

    @Test
    void categoriesAreACopy() {
        Feature.SEASON.categories()[0] = 99;
        assertThat(Feature.SEASON.categories()).containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest
    @EnumSource(Feature.class)
    void isFoundByItsColumnName(Feature feature) {
        assertThat(Feature.byColumnName(feature.columnName())).contains(feature);
    }

    @Test
    void unknownColumnsAreNotFeatures() {
        assertThat(Feature.byColumnName("cnt")).isEmpty();
        assertThat(Feature.byColumnName("SEASON")).isEmpty();
        assertThat(Feature.byColumnName("")).isEmpty();
        assertThat(Feature.byColumnName(null)).isEmpty();
    }

    @Test
    void acceptsOnlyValidValues() {
        assertThat(Feature.SEASON.accepts(1)).isTrue();
        assertThat(Feature.SEASON.accepts(4)).isTrue();
        assertThat(Feature.SEASON.accepts(0)).isFalse();
        assertThat(Feature.SEASON.accepts(5)).isFalse();
        assertThat(Feature.SEASON.accepts(2.5)).isFalse();
        assertThat(Feature.TEMP.accepts(0)).isTrue();
        assertThat(Feature.TEMP.accepts(1)).isTrue();
        assertThat(Feature.TEMP.accepts(0.37)).isTrue();
        assertThat(Feature.TEMP.accepts(-0.01)).isFalse();
        assertThat(Feature.TEMP.accepts(1.01)).isFalse();
        assertThat(Feature.TEMP.accepts(Double.NaN)).isFalse();
        assertThat(Feature.HR.accepts(Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void explainsWhyAValueIsInvalid() {
        assertThat(Feature.SEASON.violation(5)).contains("must be a whole number from 1 to 4 but was 5");
        assertThat(Feature.SEASON.violation(2.5)).contains("must be a whole number from 1 to 4 but was 2.5");
        assertThat(Feature.HUM.violation(1.2)).contains("must be between 0.0 and 1.0 but was 1.2");
        assertThat(Feature.HUM.violation(Double.NaN)).contains("must be a finite number but was NaN");
        assertThat(Feature.HUM.violation(0.5)).isEmpty();
    }

    private static void assertRange(Feature feature, double min, double max) {
        assertThat(feature.min()).as("%s min", feature).isEqualTo(min);
        assertThat(feature.max()).as("%s max", feature).isEqualTo(max);
    }
}
