package io.bikecast.prediction.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The annotated text must name an hour as {@link LocalHours#parse} reads it; {@code null} is valid. */
@Documented
@Constraint(validatedBy = LocalHourTextValidator.class)
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface LocalHourText {

    String message() default LocalHours.REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
