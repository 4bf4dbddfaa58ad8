package io.bikecast.training.data;

import io.bikecast.common.series.SeriesId;
import java.util.Optional;

/**
 * The series a model family learns from: one series ({@code system}), or every series whose id starts with a prefix
 * ({@code citibike-*}: every station of the GBFS system {@code citibike}, whose series ids are {@code
 * <system>-<station>}). A family over many series is one global model: each row keeps its own series, and its history
 * features read that series' demand only, so a station's recent level is what tells the model how busy it is.
 *
 * @param prefix the ids' common start (an id, for a single series)
 * @param single whether this names exactly one series
 */
public record SeriesSelection(String prefix, boolean single) {

    public SeriesSelection {
        boolean valid =
                single ? prefix != null && SeriesId.PATTERN.matcher(prefix).matches() : SeriesId.isPrefix(prefix);
        if (!valid) {
            throw new IllegalArgumentException("bikecast.training.series-id must be a series id (" + SeriesId.REGEX
                    + ") or a prefix of series ids followed by '*', such as 'citibike-*', but was '"
                    + (single ? prefix : prefix + "*") + "'");
        }
    }

    /** {@code system} selects that series; {@code citibike-*} every series whose id starts with {@code citibike-}. */
    public static SeriesSelection of(String text) {
        if (text != null && text.endsWith("*")) {
            return new SeriesSelection(text.substring(0, text.length() - 1), false);
        }
        return new SeriesSelection(text, true);
    }

    /** Whether the series belongs to the selection. */
    public boolean matches(String seriesId) {
        return single ? prefix.equals(seriesId) : seriesId.startsWith(prefix);
    }

    /** The one series selected, if the selection is a single id. */
    public Optional<String> only() {
        return single ? Optional.of(prefix) : Optional.empty();
    }

    @Override
    public String toString() {
        return single ? prefix : prefix + "*";
    }
}
