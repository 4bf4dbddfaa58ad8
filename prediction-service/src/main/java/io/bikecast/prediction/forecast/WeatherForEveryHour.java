package io.bikecast.prediction.forecast;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A {@link ForecastRequest}'s {@code weather} must hold exactly one entry per forecast hour: a missing hour would have
 * no weather to forecast from, and a surplus one says the client meant another length. Reported on {@code weather}.
 */
@Documented
@Constraint(validatedBy = WeatherForEveryHour.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface WeatherForEveryHour {

    String message() default "must hold one entry per forecast hour";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A missing list or an invalid {@code hours} is left to those fields' own constraints. */
    class Validator implements ConstraintValidator<WeatherForEveryHour, ForecastRequest> {

        @Override
        public boolean isValid(ForecastRequest request, ConstraintValidatorContext context) {
            if (request == null || request.weather() == null) {
                return true;
            }
            int hours = request.hoursOrDefault();
            if (hours < 1
                    || hours > ForecastRequest.MAX_HOURS
                    || request.weather().size() == hours) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must hold one entry per forecast hour: " + hours + " for hours " + hours + " but held "
                                    + request.weather().size())
                    .addPropertyNode("weather")
                    .addConstraintViolation();
            return false;
        }
    }
}
