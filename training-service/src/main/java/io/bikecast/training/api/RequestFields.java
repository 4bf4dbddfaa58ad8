package io.bikecast.training.api;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of request fields that several endpoints share, answered as one 400 problem naming every offending field.
 * Done here rather than with Bean Validation annotations so that the answer does not depend on which exception
 * handler wins.
 */
public final class RequestFields {

    /** The longest reason a request may give. */
    public static final int MAX_REASON = 500;

    private static final String INVALID_FIELDS = "The request has invalid fields.";

    private RequestFields() {}

    /** A required reason: present, not blank, at most {@value #MAX_REASON} characters. */
    public static List<InvalidField> reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new InvalidField("reason", "is required: say why, it is kept in the alias history", reason));
        }
        return reasonLength(reason);
    }

    /** An optional reason: at most {@value #MAX_REASON} characters when given. */
    public static List<InvalidField> reasonLength(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            return List.of(
                    new InvalidField("reason", "must be at most " + MAX_REASON + " characters", reason.length()));
        }
        return List.of();
    }

    public static List<InvalidField> page(int page, int size, int maxSize) {
        List<InvalidField> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InvalidField("page", "must be 0 or more", page));
        }
        if (size < 1 || size > maxSize) {
            errors.add(new InvalidField("size", "must be from 1 to " + maxSize, size));
        }
        return errors;
    }

    /** Refuses the request when any field is invalid. */
    public static void check(List<InvalidField> errors) {
        check(INVALID_FIELDS, errors);
    }

    /** Refuses the request with this detail when any field is invalid. */
    public static void check(String detail, List<InvalidField> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(detail, errors);
        }
    }
}
