package io.bikecast.monitoring.predictionlog;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.features.UciFeatures;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The prediction log in {@code monitoring.prediction_log}: each prediction id stored once, whatever is redelivered. */
@Repository
class PredictionLogStore {

    private static final String INSERT = """
            INSERT INTO monitoring.prediction_log (prediction_id, series_id, hour, model_name, model_version, served_by,
                shadow, prediction, predicted_count, season, yr, mnth, hr, holiday, weekday, workingday, weathersit,
                temp, atemp, hum, windspeed, predicted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (prediction_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    PredictionLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the predictions not stored yet, in one JDBC batch; returns how many were new. */
    int storeAll(List<PredictionLogged> predictions) {
        if (predictions.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate(INSERT, predictions, 500, PredictionLogStore::bind);
        return Arrays.stream(counts)
                .flatMapToInt(Arrays::stream)
                .map(n -> Math.max(n, 0))
                .sum();
    }

    private static void bind(PreparedStatement ps, PredictionLogged p) throws SQLException {
        UciFeatures f = p.features();
        ps.setObject(1, p.predictionId());
        ps.setString(2, p.seriesId());
        if (p.hour() == null) {
            ps.setNull(3, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(3, Timestamp.valueOf(p.hour()));
        }
        ps.setString(4, p.modelName());
        ps.setLong(5, p.modelVersion());
        ps.setString(6, p.servedBy().name());
        ps.setBoolean(7, p.shadow());
        ps.setDouble(8, p.prediction());
        ps.setLong(9, p.predictedCount());
        ps.setInt(10, f.season());
        ps.setInt(11, f.yr());
        ps.setInt(12, f.mnth());
        ps.setInt(13, f.hr());
        ps.setInt(14, f.holiday());
        ps.setInt(15, f.weekday());
        ps.setInt(16, f.workingday());
        ps.setInt(17, f.weathersit());
        ps.setDouble(18, f.temp());
        ps.setDouble(19, f.atemp());
        ps.setDouble(20, f.hum());
        ps.setDouble(21, f.windspeed());
        ps.setObject(22, OffsetDateTime.ofInstant(p.predictedAt(), ZoneOffset.UTC));
    }
}
