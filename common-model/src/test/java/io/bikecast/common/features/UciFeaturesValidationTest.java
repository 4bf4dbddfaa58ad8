package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Bean Validation constraints ask {@link Feature} (and, for real units, {@link NaturalCondition}), as Hibernate
 * Validator reads them, so no range is written twice.
 */
class UciFeaturesValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @ParameterizedTest
    @EnumSource(Feature.class)
    void eachComponentIsCheckedAgainstItsOwnFeature(Feature feature) throws NoSuchFieldException {
        ValidFeature constraint =
                UciFeatures.class.getDeclaredField(feature.columnName()).getAnnotation(ValidFeature.class);
        assertThat(constraint).isNotNull();
        assertThat(constraint.value()).isEqualTo(feature);
    }

    @Test
    void eachWeatherComponentOfNaturalConditionsIsCheckedAgainstItsOwnCondition() throws NoSuchFieldException {
        Map<String, NaturalCondition> byComponent = Arrays.stream(NaturalCondition.values())
                .collect(Collectors.toMap(NaturalCondition::componentName, condition -> condition));
        List<String> checked = new ArrayList<>();
        for (RecordComponent component : NaturalConditions.class.getRecordComponents()) {
            ValidCondition constraint = NaturalConditions.class
                    .getDeclaredField(component.getName())
                    .getAnnotation(ValidCondition.class);
            if (constraint != null) {
                assertThat(constraint.value()).isEqualTo(byComponent.get(component.getName()));
                checked.add(component.getName());
            }
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(byComponent.keySet());
    }

    @Test
    void aValidRowPassesValidation() {
        assertThat(validator.validate(UciFeaturesTest.FIRST_ROW)).isEmpty();
    }

    @Test
    void theValidatorFlagsTheSameFieldsAndReasonsAsRangeViolations() {
        UciFeatures bad = new UciFeatures(0, 2, 13, 24, -1, 7, 2, 5, 1.2, -0.1, 0.5, 3);

        Set<String> flagged = validator.validate(bad).stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .collect(Collectors.toSet());

        assertThat(flagged).containsExactlyInAnyOrderElementsOf(bad.rangeViolations());
        assertThat(flagged).hasSize(11);
    }

    @Test
    void bothRejectNonFiniteMeasurements() {
        UciFeatures notFinite = new UciFeatures(1, 0, 1, 0, 0, 6, 0, 1, Double.NaN, Double.POSITIVE_INFINITY, 0.5, 0.1);

        assertThat(validator.validate(notFinite).stream()
                        .map(violation -> violation.getPropertyPath().toString())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("temp", "atemp");
        assertThat(notFinite.rangeViolations())
                .containsExactly(
                        "temp: must be a finite number but was NaN", "atemp: must be a finite number but was Infinity");
    }

    @Test
    void naturalConditionsRejectWeatherTheModelWasNotTrainedOnInTheirOwnUnits() {
        NaturalConditions fine = new NaturalConditions(LocalDateTime.parse("2012-07-07T16:00"), 41, 50, 100, 67, 4);
        NaturalConditions outside = new NaturalConditions(null, 45, -17, 101, -1, 5);

        assertThat(validator.validate(fine)).isEmpty();
        Map<String, String> reasons = validator.validate(outside).stream()
                .collect(Collectors.toMap(
                        violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage));
        assertThat(reasons)
                .containsOnlyKeys(
                        "localHour",
                        "temperatureCelsius",
                        "feelsLikeCelsius",
                        "humidityPercent",
                        "windSpeedKmh",
                        "weatherSituation");
        assertThat(reasons.get("temperatureCelsius"))
                .isEqualTo("must be between -9.0 and 41.0 °C (the range the model was trained on) but was 45.0");
        assertThat(reasons.get("weatherSituation")).isEqualTo("must be a whole number from 1 to 4 but was 5");
    }

    @Test
    void theNaturalFormOfEveryRowOfTheDataSetPassesValidation() {
        List<String> refused = new ArrayList<>();
        List<UciData.HourRow> rows = UciData.hours();
        for (int i = 0; i < rows.size(); i++) {
            UciData.HourRow row = rows.get(i);
            NaturalConditions natural = FeatureEngineering.toNatural(row.dteday(), row.features());
            Set<ConstraintViolation<NaturalConditions>> violations = validator.validate(natural);
            if (!violations.isEmpty()) {
                refused.add(row.where(i) + ": " + violations);
            }
        }
        assertThat(refused).isEmpty();
    }
}
