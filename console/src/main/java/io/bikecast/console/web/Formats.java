package io.bikecast.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Number and time formats the templates share, as {@code ${@formats.…}}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public String hour(@Nullable LocalDateTime hour) {
        return hour == null ? "—" : HOUR.format(hour);
    }

    public String instant(@Nullable Instant instant) {
        return instant == null ? "—" : HOUR.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
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
