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
 * The annotated number, a condition in real units, must become a feature value the model was trained on ({@link
 * NaturalCondition#violation(double)}); the reason given names the range in the condition's own unit. The range is
 * derived from {@link Feature}, so it is not written here. {@code null} is valid: add {@code @NotNull} where a value is
 * required.
 */
@Documented
@Constraint(validatedBy = ValidConditionValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidCondition {

    /** The condition whose values are allowed. */
    NaturalCondition value();

    /** Replaced by the condition's own reason, which names the range, the unit and the value. */
    String message() default "must be within the range the model was trained on";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
