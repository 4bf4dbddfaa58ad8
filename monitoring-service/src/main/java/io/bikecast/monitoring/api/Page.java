package io.bikecast.monitoring.api;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list, newest first.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items there are in all
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    private static final int MAX_SIZE = 100;

    /**
     * Refuses a negative page or a size outside 1..100 with a 400 problem naming each offending parameter. It throws
     * the platform's {@link ProblemException} itself, as the other services' request checks do: a malformed
     * parameter is a fault of the request's shape, not of the domain, and only controllers call this.
     */
    public static void validate(int page, int size) {
        List<InvalidField> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new InvalidField("page", "must be 0 or more", page));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new InvalidField("size", "must be from 1 to " + MAX_SIZE, size));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid paging parameters", errors);
        }
    }
}
