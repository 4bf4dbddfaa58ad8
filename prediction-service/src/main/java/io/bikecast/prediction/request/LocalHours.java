package io.bikecast.prediction.request;

import io.bikecast.common.features.NaturalConditions;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** How a request names an hour: ISO-8601 text, read as a local hour in Washington, D.C. */
public final class LocalHours {

    /** Why a text is not an hour, for {@link LocalHourText}. */
    static final String REASON =
            "must be an ISO-8601 date-time with a four-digit year, such as 2012-07-04T17:00:00-04:00"
                    + " (converted to Washington, D.C. time) or 2012-07-04T17:00 (already local time there)";

    private LocalHours() {}

    /**
     * The local hour in Washington, D.C. of an ISO-8601 date-time: with an offset or zone it is converted, without one
     * it is taken as local time; minutes and seconds are dropped. Years beyond four digits are refused: the calendar
     * rules (holidays of the next year) are not defined at the ends of {@link LocalDateTime}'s range, and no such hour
     * is one a model could know.
     */
    public static Optional<LocalDateTime> parse(String text) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            LocalDateTime hour = parsed instanceof ZonedDateTime zoned
                    ? NaturalConditions.localHourOf(zoned.toInstant())
                    : ((LocalDateTime) parsed).truncatedTo(ChronoUnit.HOURS);
            return hour.getYear() >= 1 && hour.getYear() <= 9999 ? Optional.of(hour) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
