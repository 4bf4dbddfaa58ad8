package io.bikecast.prediction.request;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A {@link UciPredictRequest}'s {@code hour}, when given, must be an hour whose hour of day is {@code hr}: otherwise the
 * prediction log would join the prediction with the actual of another hour. Reported on {@code hour}.
 */
@Documented
@Constraint(validatedBy = HourMatchesHrValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface HourMatchesHr {

    String message() default "must be an hour whose hour of day is hr";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
