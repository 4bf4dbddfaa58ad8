package io.bikecast.ingest.request;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks of request parameters that answer with a 400 problem naming the parameter. They throw the platform's {@link
 * ProblemException} directly: a malformed parameter is a fault of the request's shape, not of the domain.
 */
public final class Requests {

    /** The largest page size any list endpoint serves. */
    private static final int MAX_PAGE_SIZE = 10_000;

    private Requests() {}

    public static SeriesId series(String value, String field) {
        if (value == null || !SeriesId.PATTERN.matcher(value).matches()) {
            throw ProblemException.badRequest(
                    "Invalid series id.",
                    List.of(new InvalidField(field, "must match " + SeriesId.PATTERN.pattern(), value)));
        }
        return SeriesId.of(value);
    }

    /** A prefix of series ids: what a series id may start with, at most 63 characters. */
    public static String seriesPrefix(String value, String field) {
        if (!SeriesId.isPrefix(value)) {
            throw ProblemException.badRequest(
                    "Invalid series prefix.",
                    List.of(new InvalidField(
                            field, "must be the start of a series id (" + SeriesId.PATTERN.pattern() + ")", value)));
        }
        return value;
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

    /**
     * The ingest mode a request names in {@code mode}; null or blank means {@link IngestMode#LENIENT}.
     *
     * @throws ProblemException 400 naming the accepted values
     */
    public static IngestMode mode(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return IngestMode.LENIENT;
        }
        for (IngestMode mode : IngestMode.values()) {
            if (mode.value().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw ProblemException.badRequest(
                "Unknown ingest mode.", List.of(new InvalidField("mode", "must be 'strict' or 'lenient'", text)));
    }

    /**
     * An optional local date-time parameter ({@code 2011-01-01T00:00}, seconds optional). Parsed here rather than by
     * Spring's conversion so that a bad value gets a problem naming the parameter, and so that an offset, meaningless
     * for a local hour, is refused instead of silently dropped.
     *
     * @return null when the parameter is absent or blank
     */
    public static @Nullable LocalDateTime localDateTime(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "Invalid " + field + ".",
                    List.of(new InvalidField(
                            field, "must be a local date-time without offset, such as 2011-01-01T00:00", value)));
        }
    }
}
