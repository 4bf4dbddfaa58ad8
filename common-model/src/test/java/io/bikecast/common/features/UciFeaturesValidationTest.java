package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Bean Validation annotations say what {@link Feature} says, as Hibernate Validator reads them. */
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
    void eachComponentsAnnotationsHaveTheFeaturesRange(Feature feature) throws NoSuchFieldException {
        Field field = UciFeatures.class.getDeclaredField(feature.columnName());
        if (feature.kind() == FeatureKind.DISCRETE) {
            assertThat(field.getType()).isEqualTo(int.class);
            assertThat((double) field.getAnnotation(Min.class).value()).isEqualTo(feature.min());
            assertThat((double) field.getAnnotation(Max.class).value()).isEqualTo(feature.max());
        } else {
            assertThat(field.getType()).isEqualTo(double.class);
            assertThat(Double.parseDouble(field.getAnnotation(DecimalMin.class).value()))
                    .isEqualTo(feature.min());
            assertThat(Double.parseDouble(field.getAnnotation(DecimalMax.class).value()))
                    .isEqualTo(feature.max());
        }
    }

    @Test
    void aValidRowPassesValidation() {
        assertThat(validator.validate(UciFeaturesTest.FIRST_ROW)).isEmpty();
    }

    @Test
    void theValidatorFlagsTheSameFieldsAsRangeViolations() {
        UciFeatures bad = new UciFeatures(0, 2, 13, 24, -1, 7, 2, 5, 1.2, -0.1, 0.5, 3);

        Set<String> flagged = validator.validate(bad).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
        Set<String> reported = bad.rangeViolations().stream()
                .map(message -> message.substring(0, message.indexOf(':')))
                .collect(Collectors.toSet());

        assertThat(flagged).isEqualTo(reported).hasSize(11);
        assertThat(validator.validate(bad)).hasSize(11);
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
    void naturalConditionsRejectOnlyPhysicallyMeaninglessValues() {
        NaturalConditions fine = new NaturalConditions(LocalDateTime.parse("2012-07-07T16:00"), 45, 55, 20, 10, 1);
        NaturalConditions meaningless = new NaturalConditions(null, -40, -50, 101, -1, 5);

        assertThat(validator.validate(fine)).isEmpty();
        assertThat(validator.validate(meaningless).stream()
                        .map(ConstraintViolation::getPropertyPath)
                        .map(Object::toString))
                .containsExactlyInAnyOrder("localHour", "humidityPercent", "windSpeedKmh", "weatherSituation");
    }
}
