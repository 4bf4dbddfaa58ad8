package io.bikecast.training.data;

import io.bikecast.common.features.UciFeatureColumns;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads observations from {@code ingest.observation}: the ingest service owns that table, training only reads it (the
 * one cross-schema read bikecast allows, see docs/architecture.md).
 */
@Component
public class ObservationReader {

    private final JdbcClient jdbc;

    public ObservationReader(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The latest observed hour of a series, if it has any. */
    public Optional<LocalDateTime> latestHour(String seriesId) {
        return Optional.ofNullable(jdbc.sql("SELECT max(hour) FROM ingest.observation WHERE series_id = ?")
                .param(seriesId)
                .query(LocalDateTime.class)
                .single());
    }

    /** The observations of a series from {@code from} (inclusive; null for all history), oldest first. */
    public List<TrainingRow> read(String seriesId, LocalDateTime from) {
        return read(seriesId, from, null);
    }

    /**
     * The observations of a series from {@code from} to {@code to} (both inclusive; null for no bound), oldest
     * first.
     */
    public List<TrainingRow> read(String seriesId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                        SELECT hour, season, yr, mnth, hr, holiday, weekday, workingday, weathersit,
                               temp, atemp, hum, windspeed, cnt
                        FROM ingest.observation
                        WHERE series_id = :series AND (CAST(:from AS TIMESTAMP) IS NULL OR hour >= :from)
                          AND (CAST(:to AS TIMESTAMP) IS NULL OR hour <= :to)
                        ORDER BY hour""")
                .param("series", seriesId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new TrainingRow(
                        rs.getObject("hour", LocalDateTime.class), UciFeatureColumns.read(rs), rs.getInt("cnt")))
                .list();
    }

    /** The observations of a series from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<TrainingRow> readRange(String seriesId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                        SELECT hour, season, yr, mnth, hr, holiday, weekday, workingday, weathersit,
                               temp, atemp, hum, windspeed, cnt
                        FROM ingest.observation
                        WHERE series_id = :series AND hour >= :from AND hour < :to
                        ORDER BY hour""")
                .param("series", seriesId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new TrainingRow(
                        rs.getObject("hour", LocalDateTime.class), UciFeatureColumns.read(rs), rs.getInt("cnt")))
                .list();
    }
}
