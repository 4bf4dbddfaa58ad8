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
 * by its own hours; predictions without an hour are left out of an hour window.
 *
 * <p>An hour window holds each hour of a series once, with the last prediction made for it. Prediction endpoints need
 * no key, so this is what bounds one client's weight: asking for one hour ten thousand times adds one row, not ten
 * thousand, and hours in the far future or past fall outside the window.
 */
@Repository
class CurrentWindowReader {

    private static final String COLUMNS =
            String.join(", ", FeatureSchema.featureNames()) + ", prediction, hour, predicted_at";

    private final JdbcTemplate jdbc;
    private final Clock wall;

    CurrentWindowReader(JdbcTemplate jdbc, Clock wall) {
        this.jdbc = jdbc;
        this.wall = wall;
    }

    /**
     * The window.
     *
     * @param end where an hour window ends (inclusive); null: at the latest hour the version predicted
     */
    CurrentSample read(String modelName, long modelVersion, DriftProperties settings, LocalDateTime end) {
        if (settings.windowMode() == WindowMode.LAST_N) {
            return sample(jdbc.query(
                    "SELECT " + COLUMNS + " FROM monitoring.prediction_log"
                            + " WHERE model_name = ? AND model_version = ? AND NOT shadow"
                            + " ORDER BY predicted_at DESC, prediction_id LIMIT ?",
                    CurrentWindowReader::row,
                    modelName,
                    modelVersion,
                    settings.windowSize()));
        }
        LocalDateTime last = end != null ? end : latestPlausibleHour(modelName, modelVersion);
        if (last == null) {
            return sample(List.of());
        }
        return sample(jdbc.query(
                "SELECT DISTINCT ON (series_id, hour) " + COLUMNS + " FROM monitoring.prediction_log"
                        + " WHERE model_name = ? AND model_version = ? AND NOT shadow AND hour > ? AND hour <= ?"
                        + " ORDER BY series_id, hour, predicted_at DESC, prediction_id DESC",
                CurrentWindowReader::row,
                modelName,
                modelVersion,
                Timestamp.valueOf(last.minus(settings.windowHours())),
                Timestamp.valueOf(last)));
    }

    /**
     * Where a wall-clock hour window ends: at the latest hour the version predicted, but never after the present
     * hour, so that a prediction asked for a far-off hour (2100) cannot move the window away from real traffic.
     */
    private LocalDateTime latestPlausibleHour(String modelName, long modelVersion) {
        LocalDateTime now = LocalDateTime.now(wall.withZone(SeriesId.ZONE)).truncatedTo(ChronoUnit.HOURS);
        Timestamp latest = jdbc.queryForObject(
                "SELECT max(hour) FROM monitoring.prediction_log"
                        + " WHERE model_name = ? AND model_version = ? AND NOT shadow AND hour <= ?",
                Timestamp.class,
                modelName,
                modelVersion,
                Timestamp.valueOf(now));
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
                rows.stream().map(Row::predictedAt).max(Instant::compareTo).orElse(null));
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
                rs.getObject("predicted_at", OffsetDateTime.class).toInstant());
    }

    private record Row(double[] features, double prediction, LocalDateTime hour, Instant predictedAt) {}
}
