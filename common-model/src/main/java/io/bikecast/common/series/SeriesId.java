package io.bikecast.common.series;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Names one demand series. It is a type rather than a bare string so that a series can never be confused with a model
 * name or a topic, and it is restricted to a small, URL-, file- and metric-label-safe alphabet because it ends up in
 * all of those.
 *
 * <p>In JSON it is a plain string ({@code "system"}), not an object.
 *
 * @param value lower-case letters, digits, {@code _} and {@code -}, starting with a letter or digit, 1 to 64 characters
 */
public record SeriesId(String value) {

    /** What a series id must match, as a regular expression (for {@code @Pattern} constraints). */
    public static final String REGEX = "[a-z0-9][a-z0-9_-]{0,63}";

    /** What a series id must match. */
    public static final Pattern PATTERN = Pattern.compile(REGEX);

    /** The whole Capital Bikeshare system: the single series of the UCI data set. */
    public static final SeriesId SYSTEM = new SeriesId("system");

    /**
     * The zone in which the hours of every series are local: Capital Bikeshare runs in Washington, D.C., and the UCI
     * data's {@code dteday}/{@code hr} are wall-clock times there.
     */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    /**
     * Whether the text can begin a series id, as a prefix that names many series must (every station of a GBFS system
     * is {@code <system>-*}): not empty, and a series id once one more character follows it.
     */
    public static boolean isPrefix(String text) {
        return text != null && !text.isEmpty() && PATTERN.matcher(text + "x").matches();
    }

    /** @throws IllegalArgumentException if the value is null or does not match {@link #PATTERN} */
    public SeriesId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("A series id must match " + PATTERN.pattern() + " but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /**
     * The same as the constructor; also how Jackson reads a series id from a JSON string.
     *
     * @throws IllegalArgumentException if the value is not a valid series id
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SeriesId of(String value) {
        return new SeriesId(value);
    }

    /** The id itself; also its JSON form. */
    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
