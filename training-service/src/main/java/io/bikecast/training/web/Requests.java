package io.bikecast.training.web;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of request fields, answered as one 400 problem naming every offending field. Done here rather than with
 * Bean Validation annotations so the answer does not depend on which exception handler wins.
 */
final class Requests {

    static final int MAX_REASON = 500;

    private Requests() {}

    static List<InvalidField> reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new InvalidField("reason", "is required: say why, it is kept in the alias history", reason));
        }
        if (reason.length() > MAX_REASON) {
            return List.of(
                    new InvalidField("reason", "must be at most " + MAX_REASON + " characters", reason.length()));
        }
        return List.of();
    }

    static List<InvalidField> page(int page, int size, int maxSize) {
        List<InvalidField> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InvalidField("page", "must be 0 or more", page));
        }
        if (size < 1 || size > maxSize) {
            errors.add(new InvalidField("size", "must be from 1 to " + maxSize, size));
        }
        return errors;
    }

    static void check(List<InvalidField> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid fields.", errors);
        }
    }
}
