package io.bikecast.console.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Number and time formats the templates share, as {@code ${@formats.…}}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** English zone abbreviations (EDT, CET): the root locale would spell them GMT-04:00. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    public String hour(@Nullable LocalDateTime hour) {
        return hour == null ? "—" : HOUR.format(hour);
    }

    public String instant(@Nullable Instant instant) {
        return instant == null ? "—" : HOUR.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * An instant in a system's own time zone (a feed's {@code system_information} names it), with the zone's
     * abbreviation: {@code 2012-09-07 23:59 EDT}. In UTC without a zone, or with one Java does not know.
     */
    public String instantIn(@Nullable Instant instant, @Nullable String zone) {
        if (instant == null || zone == null) {
            return instant(instant);
        }
        try {
            return LOCAL.format(instant.atZone(ZoneId.of(zone)));
        } catch (DateTimeException unknownZone) {
            return instant(instant);
        }
    }

    /** Someone's words as a sentence of the page: trimmed, ending in one full stop (never ".."). */
    public String sentence(@Nullable String words) {
        return asSentence(words);
    }

    /** {@link #sentence}, for controllers. */
    public static String asSentence(@Nullable String words) {
        String trimmed = words == null ? "" : words.strip();
        return trimmed.isEmpty() || endsSentence(trimmed) ? trimmed : trimmed + ".";
    }

    /** Whether words already end a sentence, so that quoting them adds no second full stop. */
    public static boolean endsSentence(String words) {
        return words.endsWith(".") || words.endsWith("!") || words.endsWith("?");
    }

    public String number(@Nullable Number value) {
        return value == null ? "—" : Svg.number(value.doubleValue());
    }

    public String percent(@Nullable Number share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share.doubleValue() * 100);
    }

    /** A p-value: small ones in scientific notation. */
    public String pValue(double p) {
        if (p == 0) {
            return "0";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
