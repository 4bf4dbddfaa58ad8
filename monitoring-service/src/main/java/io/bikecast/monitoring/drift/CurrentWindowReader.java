package io.bikecast.monitoring.drift;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.config.MonitoringProperties.WindowMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the current drift window from the prediction log: the served (non-shadow) predictions of one model version,
 * either the last N by the time they were made, or those for the last T predicted hours, ending at a given hour (the
 * data clock) or else at the latest hour the version predicted, so a replay of 2012 is windowed by its own hours;
 * predictions without an hour are left out of an hour window.
 */
@Repository
public class CurrentWindowReader {

    private static final String COLUMNS =
            String.join(", ", FeatureSchema.featureNames()) + ", prediction, hour, predicted_at";

    private final JdbcTemplate jdbc;

    public CurrentWindowReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The window.
     *
     * @param end where an hour window ends (inclusive); null: at the latest hour the version predicted
     */
    public CurrentSample read(
            String modelName, long modelVersion, MonitoringProperties.Drift settings, LocalDateTime end) {
        if (settings.windowMode() == WindowMode.LAST_HOURS && end != null) {
            return sample(jdbc.query(
                    "SELECT " + COLUMNS + " FROM monitoring.prediction_log"
                            + " WHERE model_name = ? AND model_version = ? AND NOT shadow AND hour > ? AND hour <= ?",
                    CurrentWindowReader::row,
                    modelName,
                    modelVersion,
                    Timestamp.valueOf(end.minus(settings.windowHours())),
                    Timestamp.valueOf(end)));
        }
        List<Row> rows = settings.windowMode() == WindowMode.LAST_N
                ? jdbc.query(
                        "SELECT " + COLUMNS + " FROM monitoring.prediction_log"
                                + " WHERE model_name = ? AND model_version = ? AND NOT shadow"
                                + " ORDER BY predicted_at DESC, prediction_id LIMIT ?",
                        CurrentWindowReader::row,
                        modelName,
                        modelVersion,
                        settings.windowSize())
                : jdbc.query(
                        "WITH latest AS (SELECT max(hour) AS hour FROM monitoring.prediction_log"
                                + " WHERE model_name = ? AND model_version = ? AND NOT shadow)"
                                + " SELECT " + COLUMNS.replace("hour,", "p.hour,")
                                + " FROM monitoring.prediction_log p, latest"
                                + " WHERE p.model_name = ? AND p.model_version = ? AND NOT p.shadow"
                                + " AND p.hour > latest.hour - make_interval(secs => ?) AND p.hour <= latest.hour",
                        CurrentWindowReader::row,
                        modelName,
                        modelVersion,
                        modelName,
                        modelVersion,
                        (double) settings.windowHours().toSeconds());
        return sample(rows);
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
