package io.bikecast.common.features;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated number must be a value its {@link Feature} accepts ({@link Feature#violation(double)}): a whole number
 * in range for a discrete feature, a finite number in range for a continuous one. The range is the feature's own, so
 * it is written once, in {@link Feature}. {@code null} is valid: add {@code @NotNull} where a value is required.
 */
@Documented
@Constraint(validatedBy = ValidFeatureValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidFeature {

    /** The feature whose values are allowed. */
    Feature value();

    /** Replaced by the feature's own reason, which names the range and the value. */
    String message() default "must be a valid value of its feature";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
