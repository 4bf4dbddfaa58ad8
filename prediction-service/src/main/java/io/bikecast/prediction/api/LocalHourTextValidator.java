package io.bikecast.prediction.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link LocalHourText}. Public only because the validation provider instantiates it reflectively. */
public class LocalHourTextValidator implements ConstraintValidator<LocalHourText, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || LocalHours.parse(value).isPresent();
    }
}
