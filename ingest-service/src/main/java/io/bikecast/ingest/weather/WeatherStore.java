package io.bikecast.ingest.weather;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code ingest.weather_*} tables: observed hours, forecasts by issue time, and the polls that wrote them. */
@Repository
class WeatherStore {

    private static final String COLUMNS =
            "hour, temperature_celsius, feels_like_celsius, humidity_percent, wind_speed_kmh, weather_code,"
                    + " weather_situation";

    private final JdbcTemplate jdbc;

    WeatherStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored forecast: when it was issued, and its hours. */
    record Forecast(Instant issuedAt, List<WeatherHour> hours) {}

    /** One poll or backfill, as {@code GET /api/v1/weather/{location}/polls} lists them. */
    record Poll(
            String kind,
            Instant startedAt,
            String outcome,
            int hoursObserved,
            int hoursForecast,
            int hoursRejected,
            @Nullable String reason) {}

    /** Stores hours as observed, a later value of an hour replacing an earlier one. */
    void saveObserved(String location, List<WeatherHour> hours, String source, Instant fetchedAt) {
        jdbc.batchUpdate(
                "INSERT INTO weather_observed (location_id, " + COLUMNS + ", source, fetched_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (location_id, hour) DO UPDATE SET temperature_celsius = excluded.temperature_celsius,"
                        + " feels_like_celsius = excluded.feels_like_celsius, humidity_percent = excluded.humidity_percent,"
                        + " wind_speed_kmh = excluded.wind_speed_kmh, weather_code = excluded.weather_code,"
                        + " weather_situation = excluded.weather_situation, source = excluded.source,"
                        + " fetched_at = excluded.fetched_at",
                hours,
                500,
                (ps, hour) -> {
                    ps.setString(1, location);
                    bindHour(ps, 2, hour);
                    ps.setString(9, source);
                    ps.setTimestamp(10, Timestamp.from(fetchedAt));
                });
    }

    /** Stores one forecast under its issue time; storing the same issue again changes nothing. */
    void saveForecast(String location, Instant issuedAt, List<WeatherHour> hours) {
        jdbc.batchUpdate(
                "INSERT INTO weather_forecast (location_id, issued_at, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                hours,
                500,
                (ps, hour) -> {
                    ps.setString(1, location);
                    ps.setTimestamp(2, Timestamp.from(issuedAt));
                    bindHour(ps, 3, hour);
                });
    }

    void savePoll(String location, Poll poll) {
        jdbc.update(
                "INSERT INTO weather_poll (location_id, kind, started_at, outcome, hours_observed, hours_forecast,"
                        + " hours_rejected, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                location,
                poll.kind(),
                Timestamp.from(poll.startedAt()),
                poll.outcome(),
                poll.hoursObserved(),
                poll.hoursForecast(),
                poll.hoursRejected(),
                poll.reason());
    }

    /**
     * The forecast that was the latest at {@code at}: the one issued last at or before it, with its hours from
     * {@code at}'s hour on, at most {@code hours} of them.
     */
    Optional<Forecast> forecastAsOf(String location, Instant at, int hours) {
        List<Timestamp> issued = jdbc.queryForList(
                "SELECT max(issued_at) FROM weather_forecast WHERE location_id = ? AND issued_at <= ?",
                Timestamp.class,
                location,
                Timestamp.from(at));
        if (issued.isEmpty() || issued.getFirst() == null) {
            return Optional.empty();
        }
        Instant issuedAt = issued.getFirst().toInstant();
        List<WeatherHour> found = jdbc.query(
                "SELECT " + COLUMNS + " FROM weather_forecast WHERE location_id = ? AND issued_at = ?"
                        + " AND hour >= date_trunc('hour', ?::timestamptz) ORDER BY hour LIMIT ?",
                WeatherStore::hour,
                location,
                Timestamp.from(issuedAt),
                Timestamp.from(at),
                hours);
        return Optional.of(new Forecast(issuedAt, found));
    }

    /** The observed hours from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<WeatherHour> observed(String location, Instant from, Instant to) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM weather_observed WHERE location_id = ? AND hour >= ? AND hour < ?"
                        + " ORDER BY hour",
                WeatherStore::hour,
                location,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The latest polls of a location, newest first. */
    List<Poll> polls(String location, int limit) {
        return jdbc.query(
                "SELECT kind, started_at, outcome, hours_observed, hours_forecast, hours_rejected, reason"
                        + " FROM weather_poll WHERE location_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                (rs, row) -> new Poll(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7)),
                location,
                limit);
    }

    /** When the location's last forecast poll that stored something started, if one did. */
    Optional<Instant> lastStoredPoll(String location) {
        List<Timestamp> last = jdbc.queryForList(
                "SELECT max(started_at) FROM weather_poll WHERE location_id = ? AND kind = 'forecast'"
                        + " AND outcome = 'stored'",
                Timestamp.class,
                location);
        return last.isEmpty() || last.getFirst() == null
                ? Optional.empty()
                : Optional.of(last.getFirst().toInstant());
    }

    private static void bindHour(PreparedStatement ps, int first, WeatherHour hour) throws SQLException {
        ps.setTimestamp(first, Timestamp.from(hour.hour()));
        ps.setDouble(first + 1, hour.temperatureCelsius());
        ps.setDouble(first + 2, hour.feelsLikeCelsius());
        ps.setDouble(first + 3, hour.humidityPercent());
        ps.setDouble(first + 4, hour.windSpeedKmh());
        ps.setInt(first + 5, hour.weatherCode());
        ps.setInt(first + 6, hour.weatherSituation());
    }

    private static WeatherHour hour(ResultSet rs, int row) throws SQLException {
        return new WeatherHour(
                rs.getTimestamp(1).toInstant(),
                rs.getDouble(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getInt(6),
                rs.getInt(7));
    }
}
