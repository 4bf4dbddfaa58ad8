package io.bikecast.prediction.request;

import io.bikecast.platform.web.PlausibleYears;
import io.bikecast.prediction.PredictionProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Checks {@link LocalHourText}: an ISO-8601 hour, in the plausible years ({@code bikecast.prediction.plausible-years}).
 * Spring's constraint validator factory creates it and injects the settings.
 */
class LocalHourTextValidator implements ConstraintValidator<LocalHourText, String> {

    private final PlausibleYears years;

    LocalHourTextValidator(PredictionProperties properties) {
        this.years = properties.plausibleYears();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<LocalDateTime> hour = LocalHours.parse(value);
        if (hour.isEmpty()) {
            return false;
        }
        if (!years.contains(hour.get().getYear())) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(years.reason("bikecast.prediction.plausible-years"))
                    .addConstraintViolation();
            return false;
        }
        return true;
    }
}
