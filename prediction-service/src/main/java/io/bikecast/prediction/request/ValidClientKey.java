package io.bikecast.prediction.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text, when given, must be a usable A/B key: 1 to {@value PredictRequest#MAX_CLIENT_KEY_LENGTH}
 * characters, not all blank (a blank key would put every blank-keyed client on the same side).
 */
@Documented
@Size(
        min = 1,
        max = PredictRequest.MAX_CLIENT_KEY_LENGTH,
        message = "must be 1 to " + PredictRequest.MAX_CLIENT_KEY_LENGTH + " characters")
@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
@interface ValidClientKey {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
