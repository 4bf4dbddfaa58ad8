package io.bikecast.platform.web;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The years an hour a client sends may fall in: an observation's date (ingest), a prediction's timestamp (prediction).
 * Rental demand is not recorded before 1970 or after 2100, and the calendar rules (holidays, daylight saving) are
 * undefined at the far ends of {@code LocalDate}'s range, where year 999999999 would otherwise fail deep inside
 * feature engineering instead of being named as the request's problem. Each service binds it under its own prefix.
 *
 * @param first the earliest year accepted (default 1970)
 * @param last the latest year accepted (default 2100)
 */
public record PlausibleYears(
        @DefaultValue("1970") int first,
        @DefaultValue("2100") int last) {

    /** The defaults, for code that checks rows without configuration (tests). */
    public static final PlausibleYears DEFAULT = new PlausibleYears(1970, 2100);

    public PlausibleYears {
        if (first > last) {
            throw new IllegalArgumentException("plausible-years: first (" + first + ") is after last (" + last + ")");
        }
    }

    public boolean contains(int year) {
        return year >= first && year <= last;
    }

    /** Why a date outside the range is refused, naming the setting that holds the range. */
    public String reason(String property) {
        return "must be in the years " + first + " to " + last + " (" + property + ")";
    }
}
