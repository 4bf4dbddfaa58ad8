package io.bikecast.monitoring.liveerror;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Live RMSE, MAE, R² and bias: predictions joined with the actual of their series and hour, over sliding windows of
 * predicted hours that end at the data clock (the latest hour any actual was observed for). Each hour of a series
 * counts once per model version and kind of traffic, with the last prediction made for it: prediction endpoints need
 * no key, and a client that asks for one hour a thousand times must not weigh it a thousand times, nor can it add
 * hours that have no actual. The sums are taken in PostgreSQL, so a week of traffic never leaves the database.
 */
@Service
public class LiveErrorService {

    private static final String SUMS = """
            SELECT p.model_name, p.model_version, p.served_by, p.shadow, count(*) AS n,
                   sum(p.predicted_count - a.count) AS sum_error,
                   sum((p.predicted_count - a.count)::float8 * (p.predicted_count - a.count)) AS sum_squared,
                   sum(abs(p.predicted_count - a.count)) AS sum_absolute,
                   sum(a.count::float8) AS sum_actual,
                   sum(a.count::float8 * a.count) AS sum_actual_squared
            FROM monitoring.actual a
            JOIN LATERAL (
                SELECT DISTINCT ON (model_name, model_version, served_by, shadow)
                       model_name, model_version, served_by, shadow, predicted_count
                FROM monitoring.prediction_log
                WHERE series_id = a.series_id AND hour = a.hour
                ORDER BY model_name, model_version, served_by, shadow, predicted_at DESC, prediction_id DESC) p ON true
            WHERE a.hour > ? AND a.hour <= ?""";

    private final JdbcClient jdbc;
    private final LiveErrorProperties settings;
    private final LiveErrorGauges gauges;

    LiveErrorService(JdbcClient jdbc, LiveErrorProperties settings, LiveErrorGauges gauges) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.gauges = gauges;
    }

    /** The data clock: the latest hour an actual was observed for, if any. */
    Optional<LocalDateTime> dataClock() {
        return jdbc.sql("SELECT hour FROM monitoring.actual ORDER BY hour DESC LIMIT 1")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toLocalDateTime);
    }

    /** Every configured window, for every model version and kind of traffic with joined pairs in it. */
    List<LiveError> all() {
        Optional<LocalDateTime> clock = dataClock();
        if (clock.isEmpty()) {
            return List.of();
        }
        List<LiveError> windows = new ArrayList<>();
        for (Duration window : settings.windows()) {
            windows.addAll(query(window, clock.get(), SUMS + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", List.of()));
        }
        return windows;
    }

    /** Recomputes every window and publishes it as gauges (every {@code live-error.refresh-interval}). */
    public void refreshMetrics() {
        gauges.computed(all());
    }

    /**
     * The live error of one model version's predictions served as champion (not shadow) over one window:
     * what the retraining policy judges; NOT_ENOUGH_DATA if there are too few.
     */
    public LiveError served(String modelName, long modelVersion, Duration window) {
        Optional<LocalDateTime> clock = dataClock();
        if (clock.isEmpty()) {
            return empty(modelName, modelVersion, window, null);
        }
        return query(
                        window,
                        clock.get(),
                        SUMS + " AND p.model_name = ? AND p.model_version = ? AND p.served_by = 'CHAMPION'"
                                + " AND NOT p.shadow GROUP BY 1, 2, 3, 4",
                        List.of(modelName, modelVersion))
                .stream()
                .findFirst()
                .orElseGet(() -> empty(modelName, modelVersion, window, clock.get()));
    }

    /**
     * The champion's served predictions of a model, per series, over the hours {@code from} (exclusive) to {@code to}
     * (inclusive).
     */
    SeriesLiveError bySeries(String modelName, LocalDateTime from, LocalDateTime to) {
        List<SeriesLiveError.Series> series = jdbc.sql("""
                        SELECT a.series_id, count(*) AS n,
                               sum(p.predicted_count - a.count) AS sum_error,
                               sum((p.predicted_count - a.count)::float8 * (p.predicted_count - a.count)) AS sum_squared,
                               sum(abs(p.predicted_count - a.count)) AS sum_absolute,
                               sum(a.count::float8) AS sum_actual
                        FROM monitoring.actual a
                        JOIN LATERAL (
                            SELECT predicted_count FROM monitoring.prediction_log
                            WHERE series_id = a.series_id AND hour = a.hour AND model_name = ?
                              AND served_by = 'CHAMPION' AND NOT shadow
                            ORDER BY predicted_at DESC, prediction_id DESC
                            LIMIT 1) p ON true
                        WHERE a.hour > ? AND a.hour <= ?
                        GROUP BY a.series_id
                        ORDER BY a.series_id""")
                .params(modelName, Timestamp.valueOf(from), Timestamp.valueOf(to))
                .query((rs, row) -> {
                    double n = rs.getLong("n");
                    return new SeriesLiveError.Series(
                            rs.getString("series_id"),
                            rs.getLong("n"),
                            Math.sqrt(rs.getDouble("sum_squared") / n),
                            rs.getDouble("sum_absolute") / n,
                            rs.getDouble("sum_error") / n,
                            rs.getDouble("sum_actual") / n);
                })
                .list();
        return new SeriesLiveError(modelName, from, to, series);
    }

    /** The configured window of that label ({@code 24h}, {@code 168h}), if there is one. */
    Optional<Duration> window(String label) {
        return settings.windows().stream()
                .filter(window -> label(window).equals(label))
                .findFirst();
    }

    /** The labels of the configured windows. */
    List<String> windowLabels() {
        return settings.windows().stream().map(LiveErrorService::label).toList();
    }

    private List<LiveError> query(Duration window, LocalDateTime to, String sql, List<Object> extra) {
        LocalDateTime from = to.minus(window);
        List<Object> params = new ArrayList<>(List.of(Timestamp.valueOf(from), Timestamp.valueOf(to)));
        params.addAll(extra);
        String label = label(window);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, row) -> error(
                        rs.getString("model_name"),
                        rs.getLong("model_version"),
                        rs.getString("served_by"),
                        rs.getBoolean("shadow"),
                        label,
                        from,
                        to,
                        new Sums(
                                rs.getLong("n"),
                                rs.getDouble("sum_error"),
                                rs.getDouble("sum_squared"),
                                rs.getDouble("sum_absolute"),
                                rs.getDouble("sum_actual"),
                                rs.getDouble("sum_actual_squared"))))
                .list();
    }

    private LiveError error(
            String model,
            long version,
            String servedBy,
            boolean shadow,
            String window,
            LocalDateTime from,
            LocalDateTime to,
            Sums sums) {
        if (sums.n() < settings.minPairs()) {
            return new LiveError(
                    model,
                    version,
                    servedBy,
                    shadow,
                    window,
                    from,
                    to,
                    sums.n(),
                    LiveError.Status.NOT_ENOUGH_DATA,
                    null,
                    null,
                    null,
                    null);
        }
        double n = sums.n();
        double totalSquares = sums.sumActualSquared() - sums.sumActual() * sums.sumActual() / n;
        Double r2 = totalSquares > 1e-9 ? 1 - sums.sumSquared() / totalSquares : null;
        return new LiveError(
                model,
                version,
                servedBy,
                shadow,
                window,
                from,
                to,
                sums.n(),
                LiveError.Status.OK,
                Math.sqrt(sums.sumSquared() / n),
                sums.sumAbsolute() / n,
                r2,
                sums.sumError() / n);
    }

    private LiveError empty(String modelName, long modelVersion, Duration window, LocalDateTime to) {
        return new LiveError(
                modelName,
                modelVersion,
                "CHAMPION",
                false,
                label(window),
                to == null ? null : to.minus(window),
                to,
                0,
                LiveError.Status.NOT_ENOUGH_DATA,
                null,
                null,
                null,
                null);
    }

    /** A window's name in metrics and JSON: {@code 24h}, {@code 168h}, or minutes when not whole hours. */
    private static String label(Duration window) {
        return window.toMinutesPart() == 0 && window.toSecondsPart() == 0
                ? window.toHours() + "h"
                : window.toMinutes() + "m";
    }

    private record Sums(
            long n,
            double sumError,
            double sumSquared,
            double sumAbsolute,
            double sumActual,
            double sumActualSquared) {}
}
