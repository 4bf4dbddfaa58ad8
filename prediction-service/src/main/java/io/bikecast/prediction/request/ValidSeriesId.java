package io.bikecast.prediction.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.bikecast.common.series.SeriesId;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The annotated text, when given, must be a {@link SeriesId}: the pattern is the series id's own. */
@Documented
@Pattern(regexp = SeriesId.REGEX, message = "must match " + SeriesId.REGEX + " (lower-case letters, digits, _ and -)")
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface ValidSeriesId {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
