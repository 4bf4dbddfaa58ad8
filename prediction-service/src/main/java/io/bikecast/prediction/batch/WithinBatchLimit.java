package io.bikecast.prediction.batch;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated list must hold at most {@code bikecast.prediction.max-batch-rows} elements. A setting, not a constant,
 * so it cannot be {@code @Size}: {@link WithinBatchLimitValidator} reads it from the service's properties.
 */
@Documented
@Constraint(validatedBy = WithinBatchLimitValidator.class)
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
@interface WithinBatchLimit {

    String message() default "must hold at most max-batch-rows rows";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
