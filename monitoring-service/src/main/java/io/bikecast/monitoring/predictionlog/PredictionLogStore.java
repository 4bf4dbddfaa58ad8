package io.bikecast.monitoring.predictionlog;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.features.UciFeatures;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The prediction log in {@code monitoring.prediction_log}: each prediction id stored once, whatever is redelivered.
 *
 * <p>A chunk of predictions is one statement that unnests one array per column. A JDBC batch of single-row inserts
 * made PostgreSQL plan and run each row on its own: about 7,000 rows a second, so a 500-station bulk forecast (12,000
 * predictions) cost almost two seconds of the cores the prediction service shares in the local suite. The arrays also
 * give the exact number of rows stored, which a rewritten batch would not.
 */
@Repository
class PredictionLogStore {

    /** Rows per statement: large enough to amortise the round trip, small enough to keep one array modest. */
    static final int CHUNK = 5_000;

    private static final String INSERT = """
            INSERT INTO monitoring.prediction_log (prediction_id, series_id, hour, model_name, model_version, served_by,
                shadow, prediction, predicted_count, season, yr, mnth, hr, holiday, weekday, workingday, weathersit,
                temp, atemp, hum, windspeed, predicted_at)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamp[], ?::text[], ?::bigint[], ?::text[],
                ?::boolean[], ?::float8[], ?::bigint[], ?::smallint[], ?::smallint[], ?::smallint[], ?::smallint[],
                ?::smallint[], ?::smallint[], ?::smallint[], ?::smallint[], ?::float8[], ?::float8[], ?::float8[],
                ?::float8[], ?::timestamptz[])
            ON CONFLICT (prediction_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    PredictionLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the predictions not stored yet, a chunk a statement; returns how many were new. */
    int storeAll(List<PredictionLogged> predictions) {
        int stored = 0;
        for (int from = 0; from < predictions.size(); from += CHUNK) {
            List<PredictionLogged> chunk = predictions.subList(from, Math.min(predictions.size(), from + CHUNK));
            Integer rows = jdbc.execute(
                    (Connection connection) -> prepare(connection, chunk), PreparedStatement::executeUpdate);
            stored += rows == null ? 0 : rows;
        }
        return stored;
    }

    private static PreparedStatement prepare(Connection connection, List<PredictionLogged> chunk) throws SQLException {
        int n = chunk.size();
        Columns columns = new Columns(n);
        for (int i = 0; i < n; i++) {
            columns.set(i, chunk.get(i));
        }
        PreparedStatement ps = connection.prepareStatement(INSERT);
        int index = 1;
        for (Array array : columns.arrays(connection)) {
            ps.setArray(index++, array);
        }
        return ps;
    }

    /** The chunk's values, column by column, in the statement's order. */
    private static final class Columns {

        private final UUID[] ids;
        private final String[] series;
        private final String[] hours;
        private final String[] models;
        private final Long[] versions;
        private final String[] servedBy;
        private final Boolean[] shadows;
        private final Double[] predictions;
        private final Long[] counts;
        private final Integer[][] categorical;
        private final Double[][] continuous;
        private final String[] predictedAt;

        Columns(int n) {
            ids = new UUID[n];
            series = new String[n];
            hours = new String[n];
            models = new String[n];
            versions = new Long[n];
            servedBy = new String[n];
            shadows = new Boolean[n];
            predictions = new Double[n];
            counts = new Long[n];
            categorical = new Integer[8][n];
            continuous = new Double[4][n];
            predictedAt = new String[n];
        }

        void set(int i, PredictionLogged p) {
            UciFeatures f = p.features();
            ids[i] = p.predictionId();
            series[i] = p.seriesId();
            hours[i] = p.hour() == null ? null : p.hour().toString();
            models[i] = p.modelName();
            versions[i] = p.modelVersion();
            servedBy[i] = p.servedBy().name();
            shadows[i] = p.shadow();
            predictions[i] = p.prediction();
            counts[i] = p.predictedCount();
            int[] ints = {f.season(), f.yr(), f.mnth(), f.hr(), f.holiday(), f.weekday(), f.workingday(), f.weathersit()
            };
            for (int c = 0; c < ints.length; c++) {
                categorical[c][i] = ints[c];
            }
            double[] doubles = {f.temp(), f.atemp(), f.hum(), f.windspeed()};
            for (int c = 0; c < doubles.length; c++) {
                continuous[c][i] = doubles[c];
            }
            predictedAt[i] = p.predictedAt().atOffset(ZoneOffset.UTC).toString();
        }

        List<Array> arrays(Connection connection) throws SQLException {
            List<Array> arrays = new ArrayList<>(List.of(
                    connection.createArrayOf("uuid", ids),
                    connection.createArrayOf("text", series),
                    connection.createArrayOf("text", hours),
                    connection.createArrayOf("text", models),
                    connection.createArrayOf("int8", versions),
                    connection.createArrayOf("text", servedBy),
                    connection.createArrayOf("bool", shadows),
                    connection.createArrayOf("float8", predictions),
                    connection.createArrayOf("int8", counts)));
            for (Integer[] column : categorical) {
                arrays.add(connection.createArrayOf("int4", column));
            }
            for (Double[] column : continuous) {
                arrays.add(connection.createArrayOf("float8", column));
            }
            arrays.add(connection.createArrayOf("text", predictedAt));
            return arrays;
        }
    }
}
