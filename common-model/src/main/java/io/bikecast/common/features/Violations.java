package io.bikecast.common.features;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a constraint violation with a reason computed at validation time instead of the annotation's message. */
final class Violations {

    private Violations() {}

    /**
     * Replaces the default violation by one whose message is {@code reason}, taken literally: the characters that
     * message interpolation would read as parameters or expressions are escaped. Always {@code false} (invalid).
     */
    static boolean report(ConstraintValidatorContext context, String reason) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(reason)).addConstraintViolation();
        return false;
    }

    static String literal(String text) {
        return text.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
