package io.bikecast.prediction.request;

import io.bikecast.common.features.Feature;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Checks {@link HourMatchesHr}. An unreadable hour or a missing or invalid {@code hr} is left to the fields' own
 * constraints, so a request is not told the same thing twice.
 */
class HourMatchesHrValidator implements ConstraintValidator<HourMatchesHr, UciPredictRequest> {

    @Override
    public boolean isValid(UciPredictRequest request, ConstraintValidatorContext context) {
        if (request == null || request.hour() == null || request.hr() == null) {
            return true;
        }
        Optional<LocalDateTime> hour = LocalHours.parse(request.hour());
        double hr = request.hr();
        if (hour.isEmpty() || !Feature.HR.accepts(hr) || hour.get().getHour() == hr) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(
                        "is hour " + hour.get().getHour() + " of the day (Washington, D.C. time) but hr is " + (int) hr)
                .addPropertyNode("hour")
                .addConstraintViolation();
        return false;
    }
}
