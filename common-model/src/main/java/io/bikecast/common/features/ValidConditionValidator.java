package io.bikecast.common.features;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidCondition}. Public only because the validation provider instantiates it reflectively.
 */
public class ValidConditionValidator implements ConstraintValidator<ValidCondition, Number> {

    private NaturalCondition condition;

    @Override
    public void initialize(ValidCondition annotation) {
        this.condition = annotation.value();
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return condition
                .violation(value.doubleValue())
                .map(reason -> Violations.report(context, reason))
                .orElse(true);
    }
}
