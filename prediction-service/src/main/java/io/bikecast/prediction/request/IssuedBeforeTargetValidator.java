package io.bikecast.prediction.request;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Checks {@link IssuedBeforeTarget}. An unreadable text is left to the fields' own {@link LocalHourText}, so a request
 * is not told the same thing twice.
 */
class IssuedBeforeTargetValidator implements ConstraintValidator<IssuedBeforeTarget, PredictRequest> {

    @Override
    public boolean isValid(PredictRequest request, ConstraintValidatorContext context) {
        if (request == null || request.issuedAt() == null) {
            return true;
        }
        Optional<LocalDateTime> issuedAt = LocalHours.parse(request.issuedAt());
        if (issuedAt.isEmpty()) {
            return true;
        }
        if (request.targetHour() == null) {
            return refuse(
                    context,
                    "needs the predicted hour: send hour with the UCI fields (or the natural form's timestamp)");
        }
        Optional<LocalDateTime> target = LocalHours.parse(request.targetHour());
        if (target.isEmpty() || issuedAt.get().isBefore(target.get())) {
            return true;
        }
        return refuse(
                context,
                "must be before the predicted hour " + target.get() + " (Washington, D.C. time) but was "
                        + issuedAt.get());
    }

    private static boolean refuse(ConstraintValidatorContext context, String reason) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(reason)
                .addPropertyNode("issuedAt")
                .addConstraintViolation();
        return false;
    }
}
