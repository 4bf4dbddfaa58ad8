package io.bikecast.common.features;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidFeature}. Public only because the validation provider instantiates it reflectively.
 */
public class ValidFeatureValidator implements ConstraintValidator<ValidFeature, Number> {

    private Feature feature;

    @Override
    public void initialize(ValidFeature annotation) {
        this.feature = annotation.value();
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return feature.violation(value.doubleValue())
                .map(reason -> Violations.report(context, reason))
                .orElse(true);
    }
}
