package io.bikecast.prediction.request;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A {@link PredictRequest}'s {@code issuedAt}, when given, must be before the hour it predicts (a forecast cannot be
 * issued after the actual it forecasts is known), and a UCI request that gives one must give its {@code hour}.
 * Reported on {@code issuedAt}.
 */
@Documented
@Constraint(validatedBy = IssuedBeforeTargetValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface IssuedBeforeTarget {

    String message() default "must be before the predicted hour";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
