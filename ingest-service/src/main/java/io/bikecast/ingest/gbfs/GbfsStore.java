package io.bikecast.ingest.gbfs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bikecast.common.series.SeriesId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The GBFS tables of the {@code ingest} schema ({@code V3__gbfs.sql}). The writing methods run inside the poller's
 * transaction, which holds an advisory lock per system so that two instances never interleave a system's snapshots.
 */
@Repository
class GbfsStore {

    /** One stored poll. */
    record Poll(
            long id,
            String systemId,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            @Nullable String reason,
            @Nullable String detail,
            @Nullable String version,
            @Nullable Instant lastUpdated,
            @Nullable Integer ttlSeconds,
            @Nullable Integer stations,
            @Nullable Integer stationsSkipped) {}

    /** One stored station. */
    record Station(
            String stationId,
            String seriesId,
            @Nullable String name,
            @Nullable Double lat,
            @Nullable Double lon,
            @Nullable Integer capacity,
            Instant firstSeen,
            Instant lastSeen,
            @Nullable Instant missingSince) {}

    /**
     * One stored station hour: what the snapshots added, and what follows from it.
     *
     * @param closed whether a snapshot after the hour's end has been seen, so that no later snapshot changes it
     * @param observation what became of the closed hour ({@code PUBLISHED}, {@code CENSORED}, {@code REBALANCING},
     *     {@code REJECTED}); null while it is open or waits for its weather
     */
    record StationHour(
            @JsonUnwrapped HourlyDerivation.Increment counts,
            boolean rebalancing,
            boolean notReporting,
            boolean censored,
            boolean closed,
            @Nullable String observation) {}

    private static final String UPSERT_HOUR = """
            INSERT INTO gbfs_station_hour AS h (system_id, station_id, hour_start, local_hour, series_hour, departures,
                arrivals, rebalancing_steps, rebalanced, snapshots, fresh_reports, station_empty, station_full, not_renting,
                not_installed, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (system_id, station_id, hour_start) DO UPDATE SET
                departures = h.departures + EXCLUDED.departures,
                arrivals = h.arrivals + EXCLUDED.arrivals,
                rebalancing_steps = h.rebalancing_steps + EXCLUDED.rebalancing_steps,
                rebalanced = h.rebalanced + EXCLUDED.rebalanced,
                snapshots = h.snapshots + EXCLUDED.snapshots,
                fresh_reports = h.fresh_reports + EXCLUDED.fresh_reports,
                station_empty = h.station_empty OR EXCLUDED.station_empty,
                station_full = h.station_full OR EXCLUDED.station_full,
                not_renting = h.not_renting OR EXCLUDED.not_renting,
                not_installed = h.not_installed OR EXCLUDED.not_installed,
                updated_at = EXCLUDED.updated_at
            """;

    private final JdbcTemplate jdbc;

    GbfsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises writers of one system until the transaction ends. */
    void lock(String systemId) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('gbfs:' || ?))::text", String.class, systemId);
    }

    /** Stores a poll; its {@code id} is ignored, the table assigns one. */
    void recordPoll(Poll poll) {
        String detail = poll.detail();
        jdbc.update(
                """
                INSERT INTO gbfs_poll (system_id, started_at, finished_at, outcome, reason, detail, version,
                    last_updated, ttl_seconds, stations, stations_skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                poll.systemId(),
                timestamp(poll.startedAt()),
                timestamp(poll.finishedAt()),
                poll.outcome(),
                poll.reason(),
                detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000) + "...",
                poll.version(),
                poll.lastUpdated() == null ? null : timestamp(poll.lastUpdated()),
                poll.ttlSeconds(),
                poll.stations(),
                poll.stationsSkipped());
    }

    /** The {@code last_updated} of the system's latest stored snapshot. */
    Optional<Instant> latestSnapshot(String systemId) {
        return jdbc.query(
                        "SELECT max(last_updated) FROM gbfs_snapshot WHERE system_id = ?",
                        (rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)),
                        systemId)
                .getFirst()
                .map(OffsetDateTime::toInstant);
    }

    /** The stations of the system's latest snapshot, by station id. */
    Map<String, Feeds.StationState> latestStations(String systemId) {
        Map<String, Feeds.StationState> stations = new HashMap<>();
        jdbc.query(
                """
                SELECT s.station_id, s.vehicles_available, s.docks_available, s.is_renting, s.is_returning,
                    s.is_installed, s.last_reported
                FROM gbfs_snapshot_station s
                WHERE s.snapshot_id = (SELECT id FROM gbfs_snapshot WHERE system_id = ?
                                       ORDER BY last_updated DESC LIMIT 1)
                """,
                rs -> {
                    OffsetDateTime reported = rs.getObject(7, OffsetDateTime.class);
                    stations.put(
                            rs.getString(1),
                            new Feeds.StationState(
                                    rs.getString(1),
                                    rs.getInt(2),
                                    (Integer) rs.getObject(3),
                                    rs.getBoolean(4),
                                    rs.getBoolean(5),
                                    rs.getBoolean(6),
                                    reported == null ? null : reported.toInstant()));
                },
                systemId);
        return stations;
    }

    /** Stores the snapshot unless one with its {@code last_updated} is stored; whether it was new. */
    boolean insertSnapshot(String systemId, Feeds.StationStatus status, Instant fetchedAt) {
        List<Long> ids = jdbc.queryForList(
                """
                INSERT INTO gbfs_snapshot (system_id, last_updated, fetched_at, version) VALUES (?, ?, ?, ?)
                ON CONFLICT (system_id, last_updated) DO NOTHING RETURNING id
                """, Long.class, systemId, timestamp(status.lastUpdated()), timestamp(fetchedAt), status.version());
        if (ids.isEmpty()) {
            return false;
        }
        long id = ids.getFirst();
        jdbc.batchUpdate("""
                INSERT INTO gbfs_snapshot_station (snapshot_id, station_id, vehicles_available, docks_available,
                    is_renting, is_returning, is_installed, last_reported)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, status.stations(), 1000, (ps, s) -> {
            ps.setLong(1, id);
            ps.setString(2, s.stationId());
            ps.setInt(3, s.vehicles());
            ps.setObject(4, s.docks());
            ps.setBoolean(5, s.renting());
            ps.setBoolean(6, s.returning());
            ps.setBoolean(7, s.installed());
            ps.setObject(8, s.lastReported() == null ? null : timestamp(s.lastReported()));
        });
        return true;
    }

    void addToHours(String systemId, List<HourlyDerivation.Increment> increments) {
        jdbc.batchUpdate(UPSERT_HOUR, increments, 1000, (ps, i) -> {
            ps.setString(1, systemId);
            ps.setString(2, i.stationId());
            ps.setObject(3, timestamp(i.hourStart()));
            ps.setObject(4, i.localHour());
            ps.setObject(5, i.seriesHour());
            ps.setInt(6, i.departures());
            ps.setInt(7, i.arrivals());
            ps.setInt(8, i.rebalancingSteps());
            ps.setInt(9, i.rebalanced());
            ps.setInt(10, i.snapshots());
            ps.setInt(11, i.freshReports());
            ps.setBoolean(12, i.empty());
            ps.setBoolean(13, i.full());
            ps.setBoolean(14, i.notRenting());
            ps.setBoolean(15, i.notInstalled());
        });
    }

    /** Closes the system's hours that ended at or before {@code seen}: a snapshot after their end exists. */
    void closeHoursBefore(String systemId, Instant seen) {
        jdbc.update(
                "UPDATE gbfs_station_hour SET closed = true, updated_at = now()"
                        + " WHERE system_id = ? AND NOT closed AND hour_start <= ?::timestamptz - interval '1 hour'",
                systemId,
                timestamp(seen));
    }

    /**
     * Inserts new stations with a series id of their own, updates known ones (name, position, capacity follow the
     * feed; the series id never changes; only changed rows are written, and {@code last_seen} at most hourly), and
     * marks those no longer listed as missing since {@code now}.
     *
     * @return how many stations were new
     */
    int upsertStations(String systemId, List<Feeds.Station> stations, Instant now) {
        Set<String> known = new HashSet<>(
                jdbc.queryForList("SELECT station_id FROM gbfs_station WHERE system_id = ?", String.class, systemId));
        Set<String> taken = new HashSet<>(jdbc.queryForList("SELECT series_id FROM gbfs_station", String.class));
        Set<String> listed = new HashSet<>();
        List<Object[]> inserts = new java.util.ArrayList<>();
        List<Object[]> updates = new java.util.ArrayList<>();
        for (Feeds.Station s : stations) {
            if (!listed.add(s.stationId())) {
                continue;
            }
            if (known.contains(s.stationId())) {
                updates.add(new Object[] {
                    s.name(),
                    s.lat(),
                    s.lon(),
                    s.capacity(),
                    systemId,
                    s.stationId(),
                    s.name(),
                    s.lat(),
                    s.lon(),
                    s.capacity()
                });
            } else {
                SeriesId series = SeriesIds.assign(systemId, s.stationId(), taken::contains);
                taken.add(series.value());
                inserts.add(new Object[] {
                    systemId,
                    s.stationId(),
                    series.value(),
                    s.name(),
                    s.lat(),
                    s.lon(),
                    s.capacity(),
                    timestamp(now),
                    timestamp(now)
                });
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO gbfs_station (system_id, station_id, series_id, name, lat, lon, capacity, first_seen,
                    last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts);
        jdbc.batchUpdate("""
                UPDATE gbfs_station SET name = ?, lat = ?, lon = ?, capacity = ?, missing_since = NULL
                WHERE system_id = ? AND station_id = ?
                    AND ((name, lat, lon, capacity) IS DISTINCT FROM (?::text, ?::float8, ?::float8, ?::int4)
                         OR missing_since IS NOT NULL)
                """, updates);
        // Feeds often renew station_information's last_updated every minute; last_seen moves by the hour, so that an
        // unchanged station is not rewritten at every poll.
        jdbc.update(
                "UPDATE gbfs_station SET last_seen = ? WHERE system_id = ? AND station_id = ANY (?)"
                        + " AND last_seen <= ?::timestamptz - interval '1 hour'",
                timestamp(now),
                systemId,
                listed.toArray(String[]::new),
                timestamp(now));
        jdbc.update(
                "UPDATE gbfs_station SET missing_since = ? WHERE system_id = ? AND missing_since IS NULL"
                        + " AND NOT (station_id = ANY (?))",
                timestamp(now),
                systemId,
                listed.toArray(String[]::new));
        return inserts.size();
    }

    List<Station> stations(String systemId, int limit, long offset) {
        return jdbc.query(
                """
                SELECT station_id, series_id, name, lat, lon, capacity, first_seen, last_seen, missing_since
                FROM gbfs_station WHERE system_id = ? ORDER BY station_id LIMIT ? OFFSET ?
                """,
                (rs, n) -> new Station(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Double) rs.getObject(4),
                        (Double) rs.getObject(5),
                        (Integer) rs.getObject(6),
                        instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class)),
                        instant(rs.getObject(9, OffsetDateTime.class))),
                systemId,
                limit,
                offset);
    }

    /** The hours of the system (of one station, if given) starting in [from, to), by station then hour. */
    List<StationHour> hours(
            String systemId, @Nullable String stationId, Instant from, Instant to, int limit, long offset) {
        return jdbc.query(
                """
                SELECT station_id, hour_start, local_hour, series_hour, departures, arrivals, rebalancing_steps,
                    rebalanced, snapshots, fresh_reports, station_empty, station_full, not_renting, not_installed, rebalancing,
                    not_reporting, censored, closed, observation
                FROM gbfs_station_hour
                WHERE system_id = ? AND (?::text IS NULL OR station_id = ?) AND hour_start >= ? AND hour_start < ?
                ORDER BY station_id, hour_start LIMIT ? OFFSET ?
                """,
                (rs, n) -> new StationHour(
                        new HourlyDerivation.Increment(
                                rs.getString(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getObject(3, LocalDateTime.class),
                                rs.getObject(4, LocalDateTime.class),
                                rs.getInt(5),
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getInt(9),
                                rs.getInt(10),
                                rs.getBoolean(11),
                                rs.getBoolean(12),
                                rs.getBoolean(13),
                                rs.getBoolean(14)),
                        rs.getBoolean(15),
                        rs.getBoolean(16),
                        rs.getBoolean(17),
                        rs.getBoolean(18),
                        rs.getString(19)),
                systemId,
                stationId,
                stationId,
                timestamp(from),
                timestamp(to),
                limit,
                offset);
    }

    /** A closed, uncensored station hour with the observed weather of its UTC hour: one observation to publish. */
    record Publishable(
            String stationId,
            Instant hourStart,
            String seriesId,
            LocalDateTime seriesHour,
            int departures,
            double temperatureCelsius,
            double feelsLikeCelsius,
            double humidityPercent,
            double windSpeedKmh,
            int weatherSituation) {}

    /**
     * Marks the system's closed, unhandled hours that are censored or saw a rebalancing step as such; they never
     * become observations.
     *
     * @return the fates given ({@code CENSORED} or {@code REBALANCING}), one per hour
     */
    List<String> excludeUnobservable(String systemId, Instant now) {
        return jdbc.queryForList("""
                UPDATE gbfs_station_hour
                SET observation = CASE WHEN censored THEN 'CENSORED' ELSE 'REBALANCING' END, observation_at = ?
                WHERE system_id = ? AND closed AND observation IS NULL AND (censored OR rebalancing)
                RETURNING observation
                """, String.class, timestamp(now), systemId);
    }

    /**
     * The system's oldest closed, unhandled hours (at most {@code limit}) whose station is known and for which the
     * weather location named like the system has an observed hour: the UTC hour {@code hour_start} falls in. The
     * weather is read from the weather feature's {@code weather_observed}, read-only.
     */
    List<Publishable> publishable(String systemId, int limit) {
        return jdbc.query(
                """
                SELECT h.station_id, h.hour_start, s.series_id, h.series_hour, h.departures, w.temperature_celsius,
                    w.feels_like_celsius, w.humidity_percent, w.wind_speed_kmh, w.weather_situation
                FROM gbfs_station_hour h
                JOIN gbfs_station s ON s.system_id = h.system_id AND s.station_id = h.station_id
                JOIN weather_observed w ON w.location_id = h.system_id
                    AND w.hour = date_trunc('hour', h.hour_start, 'UTC')
                WHERE h.system_id = ? AND h.closed AND h.observation IS NULL
                ORDER BY h.hour_start, h.station_id LIMIT ?
                """,
                (rs, n) -> new Publishable(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getObject(4, LocalDateTime.class),
                        rs.getInt(5),
                        rs.getDouble(6),
                        rs.getDouble(7),
                        rs.getDouble(8),
                        rs.getDouble(9),
                        rs.getInt(10)),
                systemId,
                limit);
    }

    /** Gives each hour its fate ({@code PUBLISHED} or {@code REJECTED}). */
    void markHandled(String systemId, List<Publishable> hours, List<String> fates, Instant now) {
        List<Object[]> rows = new java.util.ArrayList<>(hours.size());
        for (int i = 0; i < hours.size(); i++) {
            Publishable h = hours.get(i);
            rows.add(new Object[] {fates.get(i), timestamp(now), systemId, h.stationId(), timestamp(h.hourStart())});
        }
        jdbc.batchUpdate(
                "UPDATE gbfs_station_hour SET observation = ?, observation_at = ?"
                        + " WHERE system_id = ? AND station_id = ? AND hour_start = ?",
                rows);
    }

    /** How many of the system's closed hours are neither excluded nor published: they wait for weather. */
    long waiting(String systemId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM gbfs_station_hour WHERE system_id = ? AND closed AND observation IS NULL",
                Long.class,
                systemId);
    }

    /**
     * Records what {@code system_information} said and the zone the hours are derived in; a row only changes when one
     * of them does.
     */
    void saveSystem(String systemId, @Nullable String name, String feedZone, String hoursZone, Instant now) {
        jdbc.update("""
                INSERT INTO gbfs_system AS s (system_id, name, feed_time_zone, hours_zone, read_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (system_id) DO UPDATE SET name = EXCLUDED.name, feed_time_zone = EXCLUDED.feed_time_zone,
                    hours_zone = EXCLUDED.hours_zone, read_at = EXCLUDED.read_at
                WHERE (s.name, s.feed_time_zone, s.hours_zone)
                    IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.feed_time_zone, EXCLUDED.hours_zone)
                """, systemId, name, feedZone, hoursZone, timestamp(now));
    }

    /**
     * A system as {@code GET /api/v1/gbfs/systems} shows it.
     *
     * @param name {@code system_information}'s name, null until it was read
     * @param hoursZone the zone its station hours are in, null until {@code system_information} was read
     * @param stations the stations of {@code station_information} not missing from it
     * @param lastSnapshotAt the feed's {@code last_updated} of the newest stored snapshot
     * @param downSince when the run of failed polls that the latest poll ends began; null if the latest poll did not
     *     fail (or there was none)
     * @param reason the latest failure in words, null when not down
     */
    record SystemSummary(
            @Nullable String name,
            @Nullable String hoursZone,
            int stations,
            @Nullable Instant lastSnapshotAt,
            @Nullable Instant downSince,
            @Nullable String reason) {}

    SystemSummary summary(String systemId) {
        return jdbc.queryForObject(
                """
                WITH last_good AS (
                    SELECT coalesce(max(id), 0) AS id FROM gbfs_poll WHERE system_id = ? AND outcome <> 'FAILED'),
                failing AS (
                    SELECT min(p.started_at) AS since, max(p.id) AS last_id
                    FROM gbfs_poll p, last_good WHERE p.system_id = ? AND p.id > last_good.id)
                SELECT s.name, s.hours_zone,
                    (SELECT count(*) FROM gbfs_station WHERE system_id = ? AND missing_since IS NULL),
                    (SELECT max(last_updated) FROM gbfs_snapshot WHERE system_id = ?),
                    failing.since,
                    (SELECT coalesce(p.detail, p.reason) FROM gbfs_poll p WHERE p.id = failing.last_id)
                FROM failing LEFT JOIN gbfs_system s ON s.system_id = ?
                """,
                (rs, n) -> new SystemSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        rs.getString(6)),
                systemId,
                systemId,
                systemId,
                systemId,
                systemId);
    }

    /**
     * Deletes the system's snapshots (and their stations) whose {@code last_updated} is before {@code cutoff}, oldest
     * first, at most {@code limit} of them. The newest snapshot is never deleted (the next step is derived against
     * it), nor one in or after an hour some station has still open, so that nothing not yet derived is lost.
     *
     * @return how many snapshots were deleted
     */
    int deleteSnapshotsBefore(String systemId, Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM gbfs_snapshot WHERE id IN (
                    SELECT s.id FROM gbfs_snapshot s
                    WHERE s.system_id = ? AND s.last_updated < ?
                        AND s.last_updated < (SELECT max(last_updated) FROM gbfs_snapshot WHERE system_id = ?)
                        AND NOT EXISTS (SELECT 1 FROM gbfs_station_hour h WHERE h.system_id = s.system_id AND NOT h.closed
                                        AND h.hour_start <= s.last_updated)
                    ORDER BY s.last_updated LIMIT ?)
                """, systemId, timestamp(cutoff), systemId, limit);
    }

    List<Poll> polls(String systemId, int limit, long offset) {
        return jdbc.query(
                """
                SELECT id, system_id, started_at, finished_at, outcome, reason, detail, version, last_updated,
                    ttl_seconds, stations, stations_skipped
                FROM gbfs_poll WHERE system_id = ? ORDER BY id DESC LIMIT ? OFFSET ?
                """,
                (rs, n) -> new Poll(
                        rs.getLong(1),
                        rs.getString(2),
                        instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs.getObject(9, OffsetDateTime.class)),
                        (Integer) rs.getObject(10),
                        (Integer) rs.getObject(11),
                        (Integer) rs.getObject(12)),
                systemId,
                limit,
                offset);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
