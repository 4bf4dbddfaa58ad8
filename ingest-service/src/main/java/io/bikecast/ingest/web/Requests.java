package io.bikecast.ingest.web;

import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.List;

/** Checks of request parameters that answer with a 400 problem naming the parameter. */
public final class Requests {

    /** The largest page size any list endpoint serves. */
    public static final int MAX_PAGE_SIZE = 10_000;

    private Requests() {}

    public static SeriesId series(String value, String field) {
        if (value == null || !SeriesId.PATTERN.matcher(value).matches()) {
            throw ProblemException.badRequest(
                    "Invalid series id.",
                    List.of(new InvalidField(field, "must match " + SeriesId.PATTERN.pattern(), value)));
        }
        return SeriesId.of(value);
    }

    public static void page(int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest(
                    "Invalid page.", List.of(new InvalidField("page", "must be 0 or more", page)));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest(
                    "Invalid page size.",
                    List.of(new InvalidField("size", "must be from 1 to " + MAX_PAGE_SIZE, size)));
        }
    }
}
