package io.bikecast.console.stations;

import io.bikecast.console.services.GbfsApi.Station;
import io.bikecast.console.services.MonitoringApi.SeriesError;
import io.bikecast.console.services.PredictionApi.Forecast;
import io.bikecast.console.services.PredictionApi.Interval;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One station of a system, with what the services know of it.
 *
 * @param nextHour the forecast of the first hour after the issue time, with its 80% interval; null without a forecast
 * @param day the forecast of the next 24 hours: their sum, and the sums of their interval bounds; null without one
 * @param liveError the live error of its family's champion on it, null when monitoring has no pair for it
 */
record StationRow(
        Station station,
        @Nullable Hour nextHour,
        @Nullable Day day,
        @Nullable SeriesError liveError) {

    /** An hour's forecast and its 80% interval (null when the model gives none). */
    record Hour(long count, @Nullable Interval interval) {}

    /**
     * A day's forecast. Its bounds are the sums of the hours' 10th and 90th percentiles: an 80% interval of the total
     * only if the hours' errors all move together, so wider than one otherwise, never narrower.
     */
    record Day(long count, @Nullable Double low, @Nullable Double high) {}

    static StationRow of(Station station, @Nullable Forecast forecast, @Nullable SeriesError liveError) {
        if (forecast == null || forecast.points().isEmpty()) {
            return new StationRow(station, null, null, liveError);
        }
        Forecast.Point first = forecast.points().getFirst();
        long count = 0;
        double low = 0;
        double high = 0;
        boolean intervals = true;
        for (Forecast.Point point : forecast.points()) {
            count += point.predictedCount();
            if (point.interval() == null) {
                intervals = false;
            } else {
                low += Math.max(0, point.interval().p10());
                high += point.interval().p90();
            }
        }
        return new StationRow(
                station,
                new Hour(first.predictedCount(), first.interval()),
                new Day(count, intervals ? low : null, intervals ? high : null),
                liveError);
    }

    /** The name to show: the station's, else its station id. */
    public String label() {
        return station.name() == null || station.name().isBlank() ? station.stationId() : station.name();
    }

    /** The columns the table sorts by, each with the direction a first click sorts it in. */
    enum Column {
        NAME("name", false, row -> row.label().toLowerCase(Locale.ROOT)),
        CAPACITY("capacity", true, row -> row.station().capacity()),
        NEXT("next", true, row -> row.nextHour() == null ? null : row.nextHour().count()),
        DAY("day", true, row -> row.day() == null ? null : row.day().count()),
        RMSE(
                "rmse",
                true,
                row -> row.liveError() == null ? null : row.liveError().rmse());

        final String key;
        final boolean descendingFirst;
        private final Function<StationRow, @Nullable Comparable<?>> value;

        Column(String key, boolean descendingFirst, Function<StationRow, @Nullable Comparable<?>> value) {
            this.key = key;
            this.descendingFirst = descendingFirst;
            this.value = value;
        }

        static Column of(String key) {
            for (Column column : values()) {
                if (column.key.equals(key)) {
                    return column;
                }
            }
            throw new IllegalArgumentException("sort=" + key + " is none of name, capacity, next, day, rmse"
                    + " (a leading - sorts in descending order)");
        }

        /** In this column's order, rows without a value last whichever the direction, ties by name. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<StationRow> order(boolean descending) {
            Comparator<Comparable> natural = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            Comparator<StationRow> byValue =
                    Comparator.comparing(row -> (Comparable) value.apply(row), Comparator.nullsLast(natural));
            return byValue.thenComparing(row -> row.label().toLowerCase(Locale.ROOT))
                    .thenComparing(row -> row.station().stationId());
        }
    }
}
