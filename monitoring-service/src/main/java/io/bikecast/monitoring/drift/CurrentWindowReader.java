package io.bikecast.monitoring.drift;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.series.SeriesId;
import io.bikecast.monitoring.drift.DriftProperties.WindowMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the current drift window from the prediction log: the served (non-shadow) predictions of one model version,
 * either the last N by the time they were made, or those for the last T predicted hours, ending at a given hour (the
 * data clock) or else at the latest hour the version predicted up to the present one, so a replay of 2012 is windowed
 * by its own hours; predictions without an hour are left out of an hour window. A model family's window holds the
 * predictions of every station (series) it served, optionally only those of series with its prefix.
 *
 * <p>An hour window holds each hour of a series once, with the last prediction made for it. Prediction endpoints need
 * no key, so this is what bounds one client's weight: asking for one hour ten thousand times adds one row, not ten
 * thousand, and hours in the far future or past fall outside the window.
 */
@Repository
class CurrentWindowReader {

    private static final String COLUMNS =
            String.join(", ", FeatureSchema.featureNames()) + ", prediction, hour, predicted_at, series_id";

    private final JdbcTemplate jdbc;
    private final Clock wall;

    CurrentWindowReader(JdbcTemplate jdbc, Clock wall) {
        this.jdbc = jdbc;
        this.wall = wall;
    }

    /** The window of every series the version predicted, as {@code read} with no series prefix. */
    CurrentSample read(String modelName, long modelVersion, DriftProperties settings, LocalDateTime end) {
        return read(modelName, modelVersion, null, settings, end);
    }

    /**
     * The window.
     *
     * @param seriesPrefix only the predictions of series starting with this, or null for every series
     * @param end where an hour window ends (inclusive); null: at the latest hour the version predicted
     */
    CurrentSample read(
            String modelName, long modelVersion, String seriesPrefix, DriftProperties settings, LocalDateTime end) {
        String version = "model_name = ? AND model_version = ? AND NOT shadow"
                + (seriesPrefix == null ? "" : " AND starts_with(series_id, ?)");
        List<Object> params = new ArrayList<>(List.of(modelName, modelVersion));
        if (seriesPrefix != null) {
            params.add(seriesPrefix);
        }
        if (settings.windowMode() == WindowMode.LAST_N) {
            params.add(settings.windowSize());
            return sample(jdbc.query(
                    "SELECT " + COLUMNS + " FROM monitoring.prediction_log WHERE " + version
                            + " ORDER BY predicted_at DESC, prediction_id LIMIT ?",
                    CurrentWindowReader::row,
                    params.toArray()));
        }
        LocalDateTime last = end != null ? end : latestPlausibleHour(version, params);
        if (last == null) {
            return sample(List.of());
        }
        params.add(Timestamp.valueOf(last.minus(settings.windowHours())));
        params.add(Timestamp.valueOf(last));
        return sample(jdbc.query(
                "SELECT DISTINCT ON (series_id, hour) " + COLUMNS + " FROM monitoring.prediction_log WHERE " + version
                        + " AND hour > ? AND hour <= ?"
                        + " ORDER BY series_id, hour, predicted_at DESC, prediction_id DESC",
                CurrentWindowReader::row,
                params.toArray()));
    }

    /**
     * Where a wall-clock hour window ends: at the latest hour the version predicted, but never after the present
     * hour, so that a prediction asked for a far-off hour (2100) cannot move the window away from real traffic.
     */
    private LocalDateTime latestPlausibleHour(String version, List<Object> versionParams) {
        LocalDateTime now = LocalDateTime.now(wall.withZone(SeriesId.ZONE)).truncatedTo(ChronoUnit.HOURS);
        List<Object> params = new ArrayList<>(versionParams);
        params.add(Timestamp.valueOf(now));
        Timestamp latest = jdbc.queryForObject(
                "SELECT max(hour) FROM monitoring.prediction_log WHERE " + version + " AND hour <= ?",
                Timestamp.class,
                params.toArray());
        return latest == null ? null : latest.toLocalDateTime();
    }

    private static CurrentSample sample(List<Row> rows) {
        String[] names = FeatureSchema.featureNames();
        Map<String, double[]> features = new LinkedHashMap<>();
        for (int f = 0; f < names.length; f++) {
            double[] values = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                values[i] = rows.get(i).features()[f];
            }
            features.put(names[f], values);
        }
        double[] predictions = rows.stream().mapToDouble(Row::prediction).toArray();
        List<LocalDateTime> hours = new ArrayList<>();
        rows.stream().map(Row::hour).filter(h -> h != null).forEach(hours::add);
        return new CurrentSample(
                features,
                predictions,
                hours.stream().min(LocalDateTime::compareTo).orElse(null),
                hours.stream().max(LocalDateTime::compareTo).orElse(null),
                rows.stream().map(Row::predictedAt).min(Instant::compareTo).orElse(null),
                rows.stream().map(Row::predictedAt).max(Instant::compareTo).orElse(null),
                (int) rows.stream().map(Row::seriesId).distinct().count());
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String[] names = FeatureSchema.featureNames();
        double[] features = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            features[f] = rs.getDouble(f + 1);
        }
        Timestamp hour = rs.getTimestamp("hour");
        return new Row(
                features,
                rs.getDouble("prediction"),
                hour == null ? null : hour.toLocalDateTime(),
                rs.getObject("predicted_at", OffsetDateTime.class).toInstant(),
                rs.getString("series_id"));
    }

    private record Row(
            double[] features, double prediction, LocalDateTime hour, Instant predictedAt, String seriesId) {}
}
