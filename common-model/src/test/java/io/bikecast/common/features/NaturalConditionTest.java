package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NaturalConditionTest {

    @Test
    void namesTheWeatherComponentsOfNaturalConditions() {
        assertThat(Arrays.stream(NaturalCondition.values()).map(NaturalCondition::componentName))
                .containsExactlyElementsOf(Stream.of(NaturalConditions.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getName)
                        .filter(name -> !name.equals("localHour"))
                        .toList());
    }

    @Test
    void theRangeInRealUnitsIsTheFeaturesRangeUnscaled() {
        assertRange(NaturalCondition.TEMPERATURE_CELSIUS, -9, 41);
        assertRange(NaturalCondition.FEELS_LIKE_CELSIUS, -16, 50);
        assertRange(NaturalCondition.HUMIDITY_PERCENT, 0, 100);
        assertRange(NaturalCondition.WIND_SPEED_KMH, 0, 67);
        assertRange(NaturalCondition.WEATHER_SITUATION, 1, 4);
    }

    @ParameterizedTest
    @EnumSource(NaturalCondition.class)
    void acceptsAValueExactlyWhenItsFeatureDoes(NaturalCondition condition) {
        double span = condition.max() - condition.min();
        for (double value = condition.min() - span / 4; value <= condition.max() + span / 4; value += span / 97) {
            assertThat(condition.violation(value).isEmpty())
                    .as("%s %s", condition, value)
                    .isEqualTo(condition.feature().accepts(condition.toFeature(value)));
        }
    }

    @Test
    void explainsARefusalInTheConditionsOwnUnit() {
        assertThat(NaturalCondition.TEMPERATURE_CELSIUS.violation(45))
                .contains("must be between -9.0 and 41.0 °C (the range the model was trained on) but was 45.0");
        assertThat(NaturalCondition.WIND_SPEED_KMH.violation(-1))
                .contains("must be between 0.0 and 67.0 km/h (the range the model was trained on) but was -1.0");
        assertThat(NaturalCondition.WEATHER_SITUATION.violation(2.5))
                .contains("must be a whole number from 1 to 4 but was 2.5");
        assertThat(NaturalCondition.HUMIDITY_PERCENT.violation(Double.NaN))
                .contains("must be a finite number but was NaN");
        assertThat(NaturalCondition.HUMIDITY_PERCENT.violation(1e308)).isPresent();
        assertThat(NaturalCondition.FEELS_LIKE_CELSIUS.violation(-Double.MAX_VALUE))
                .isPresent();
        assertThat(NaturalCondition.HUMIDITY_PERCENT.violation(45)).isEmpty();
    }

    private static void assertRange(NaturalCondition condition, double min, double max) {
        assertThat(condition.min()).as("%s min", condition).isCloseTo(min, within(1e-9));
        assertThat(condition.max()).as("%s max", condition).isCloseTo(max, within(1e-9));
    }
}
