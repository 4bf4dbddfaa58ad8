package io.bikecast.ingest.observation;

import io.bikecast.common.features.UciFeatureColumns;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.contract.Observation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * {@code ingest.observation}: bulk upserts and reads by series and time range (the primary key's order, so a range
 * read is an index range scan).
 */
@Repository
public class ObservationStore {

    /** A row the upsert inserted or changed; unchanged rows are not returned. */
    public record Written(SeriesId seriesId, LocalDateTime hour, int cnt, boolean inserted) {}

    /** Rows per statement: large enough to amortise the round trip, small enough to keep each statement modest. */
    private static final int CHUNK = 5000;

    // One statement per chunk: the rows travel as one array per column and unnest() turns them back into rows. The
    // WHERE clause leaves identical rows alone (no dead tuples, no event); RETURNING says which rows were inserted
    // (xmax = 0) or changed.
    private static final String UPSERT = """
            INSERT INTO observation AS o (series_id, hour, season, yr, mnth, hr, holiday, weekday, workingday,
                weathersit, temp, atemp, hum, windspeed, casual, registered, cnt, batch_id, updated_at)
            SELECT r.series_id, r.hour::timestamp, r.season, r.yr, r.mnth, r.hr, r.holiday, r.weekday, r.workingday,
                r.weathersit, r.temp, r.atemp, r.hum, r.windspeed, r.casual, r.registered, r.cnt, ?, now()
            FROM unnest(?::text[], ?::text[], ?::int2[], ?::int2[], ?::int2[], ?::int2[], ?::int2[], ?::int2[],
                ?::int2[], ?::int2[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::int4[], ?::int4[],
                ?::int4[])
                AS r(series_id, hour, season, yr, mnth, hr, holiday, weekday, workingday, weathersit, temp, atemp,
                     hum, windspeed, casual, registered, cnt)
            ON CONFLICT (series_id, hour) DO UPDATE SET
                season = EXCLUDED.season, yr = EXCLUDED.yr, mnth = EXCLUDED.mnth, hr = EXCLUDED.hr,
                holiday = EXCLUDED.holiday, weekday = EXCLUDED.weekday, workingday = EXCLUDED.workingday,
                weathersit = EXCLUDED.weathersit, temp = EXCLUDED.temp, atemp = EXCLUDED.atemp, hum = EXCLUDED.hum,
                windspeed = EXCLUDED.windspeed, casual = EXCLUDED.casual, registered = EXCLUDED.registered,
                cnt = EXCLUDED.cnt, batch_id = EXCLUDED.batch_id, updated_at = EXCLUDED.updated_at
            WHERE (o.season, o.yr, o.mnth, o.hr, o.holiday, o.weekday, o.workingday, o.weathersit, o.temp, o.atemp,
                   o.hum, o.windspeed, o.casual, o.registered, o.cnt)
                IS DISTINCT FROM
                  (EXCLUDED.season, EXCLUDED.yr, EXCLUDED.mnth, EXCLUDED.hr, EXCLUDED.holiday, EXCLUDED.weekday,
                   EXCLUDED.workingday, EXCLUDED.weathersit, EXCLUDED.temp, EXCLUDED.atemp, EXCLUDED.hum,
                   EXCLUDED.windspeed, EXCLUDED.casual, EXCLUDED.registered, EXCLUDED.cnt)
            RETURNING o.series_id, o.hour, o.cnt, (xmax = 0) AS inserted
            """;

    private static final String COLUMNS = "series_id, hour, season, yr, mnth, hr, holiday, weekday, workingday, "
            + "weathersit, temp, atemp, hum, windspeed, casual, registered, cnt";

    private static final RowMapper<Observation> OBSERVATION = (rs, i) -> new Observation(
            SeriesId.of(rs.getString("series_id")),
            rs.getObject("hour", LocalDateTime.class),
            UciFeatureColumns.read(rs),
            rs.getObject("casual", Integer.class),
            rs.getObject("registered", Integer.class),
            rs.getInt("cnt"));

    private static final RowMapper<SeriesRange> SERIES_RANGE = (ResultSet rs, int i) -> new SeriesRange(
            rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class), rs.getLong(4));

    private final JdbcTemplate jdbc;

    ObservationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts new hours and overwrites changed ones, in the caller's transaction.
     *
     * @return the rows that were inserted or changed
     */
    public List<Written> upsert(UUID batchId, List<Observation> observations) {
        List<Written> written = new ArrayList<>(observations.size());
        for (int from = 0; from < observations.size(); from += CHUNK) {
            List<Observation> chunk = observations.subList(from, Math.min(observations.size(), from + CHUNK));
            written.addAll(jdbc.query(connection -> upsertStatement(connection, batchId, chunk), WRITTEN));
        }
        return written;
    }

    private static final RowMapper<Written> WRITTEN = (rs, i) -> new Written(
            SeriesId.of(rs.getString(1)), rs.getObject(2, LocalDateTime.class), rs.getInt(3), rs.getBoolean(4));

    private static PreparedStatement upsertStatement(Connection connection, UUID batchId, List<Observation> rows)
            throws SQLException {
        int n = rows.size();
        String[] series = new String[n];
        String[] hours = new String[n];
        Integer[][] ints = new Integer[8][n];
        Double[][] doubles = new Double[4][n];
        Integer[] casual = new Integer[n];
        Integer[] registered = new Integer[n];
        Integer[] cnt = new Integer[n];
        for (int i = 0; i < n; i++) {
            Observation o = rows.get(i);
            UciFeatures f = o.features();
            series[i] = o.seriesId().value();
            // Text, cast to timestamp by the server: no JVM time zone can shift a local hour on the way.
            hours[i] = o.hour().toString();
            ints[0][i] = f.season();
            ints[1][i] = f.yr();
            ints[2][i] = f.mnth();
            ints[3][i] = f.hr();
            ints[4][i] = f.holiday();
            ints[5][i] = f.weekday();
            ints[6][i] = f.workingday();
            ints[7][i] = f.weathersit();
            doubles[0][i] = f.temp();
            doubles[1][i] = f.atemp();
            doubles[2][i] = f.hum();
            doubles[3][i] = f.windspeed();
            casual[i] = o.casual();
            registered[i] = o.registered();
            cnt[i] = o.cnt();
        }
        PreparedStatement statement = connection.prepareStatement(UPSERT);
        int p = 1;
        statement.setObject(p++, batchId);
        statement.setArray(p++, connection.createArrayOf("text", series));
        statement.setArray(p++, connection.createArrayOf("text", hours));
        for (Integer[] column : ints) {
            statement.setArray(p++, connection.createArrayOf("int4", column));
        }
        for (Double[] column : doubles) {
            statement.setArray(p++, connection.createArrayOf("float8", column));
        }
        statement.setArray(p++, connection.createArrayOf("int4", casual));
        statement.setArray(p++, connection.createArrayOf("int4", registered));
        statement.setArray(p, connection.createArrayOf("int4", cnt));
        return statement;
    }

    /**
     * The observations of a series from {@code from} (inclusive) to {@code to} (exclusive), in hour order.
     *
     * @param limit the most rows returned
     */
    List<Observation> range(SeriesId series, LocalDateTime from, LocalDateTime to, long offset, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM observation WHERE series_id = ? AND hour >= ? AND hour < ?"
                        + " ORDER BY hour LIMIT ? OFFSET ?",
                OBSERVATION,
                series.value(),
                from,
                to,
                limit,
                offset);
    }

    /** The observations of a series after {@code after} (exclusive) and before {@code to} (exclusive): keyset paging. */
    public List<Observation> after(SeriesId series, LocalDateTime after, LocalDateTime to, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM observation WHERE series_id = ? AND hour > ? AND hour < ?"
                        + " ORDER BY hour LIMIT ?",
                OBSERVATION,
                series.value(),
                after,
                to,
                limit);
    }

    /**
     * One page of a keyset-paged read of a series, oldest first: the caller asks for the next page from the last hour of
     * this one ({@code lowerInclusive = false}), so every page is an index range scan on the primary key that starts
     * where the previous one ended, however deep into the series it is (an OFFSET would read and drop every earlier
     * row again).
     *
     * @param lower the lowest hour, or null for the first stored one
     * @param lowerInclusive whether {@code lower} itself is included
     * @param to the end (exclusive), or null for no end
     * @param limit the most rows returned
     */
    List<Observation> page(
            SeriesId series,
            @Nullable LocalDateTime lower,
            boolean lowerInclusive,
            @Nullable LocalDateTime to,
            int limit) {
        // Only the bounds that are set become predicates: an "(? IS NULL OR hour >= ?)" would keep the planner from
        // a plain range scan.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM observation WHERE series_id = ?");
        List<Object> parameters = new ArrayList<>(4);
        parameters.add(series.value());
        if (lower != null) {
            sql.append(lowerInclusive ? " AND hour >= ?" : " AND hour > ?");
            parameters.add(lower);
        }
        if (to != null) {
            sql.append(" AND hour < ?");
            parameters.add(to);
        }
        sql.append(" ORDER BY hour LIMIT ?");
        parameters.add(limit);
        return jdbc.query(sql.toString(), OBSERVATION, parameters.toArray());
    }

    /** How many hours a series has stored in a range. */
    public long count(SeriesId series, LocalDateTime from, LocalDateTime to) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM observation WHERE series_id = ? AND hour >= ? AND hour < ?",
                Long.class,
                series.value(),
                from,
                to);
        return count == null ? 0 : count;
    }

    /** Every series with at least one observation, and its time range. */
    List<SeriesRange> series() {
        return jdbc.query(
                "SELECT series_id, min(hour), max(hour), count(*) FROM observation GROUP BY series_id ORDER BY 1",
                SERIES_RANGE);
    }

    /** The stored hours of every series whose id starts with the prefix, ordered by id. */
    List<SeriesRange> seriesStartingWith(String prefix) {
        // starts_with, not LIKE: '_' is a wildcard of LIKE and a character of series ids.
        return jdbc.query(
                "SELECT series_id, min(hour), max(hour), count(*) FROM observation WHERE starts_with(series_id, ?)"
                        + " GROUP BY series_id ORDER BY 1",
                SERIES_RANGE,
                prefix);
    }

    /**
     * One series' stored hours, if it has any. It reads only that series' part of the primary key, where {@link
     * #series()} groups the whole table: with hundreds of station series, a client that wants one series' range asks
     * for it alone.
     */
    Optional<SeriesRange> series(SeriesId series) {
        return jdbc
                .query(
                        "SELECT series_id, min(hour), max(hour), count(*) FROM observation WHERE series_id = ?"
                                + " GROUP BY series_id",
                        SERIES_RANGE,
                        series.value())
                .stream()
                .findFirst();
    }

    /**
     * One series' stored hours.
     *
     * @param firstHour the earliest stored hour
     * @param lastHour the latest stored hour
     * @param hours how many hours are stored
     */
    record SeriesRange(String seriesId, LocalDateTime firstHour, LocalDateTime lastHour, long hours) {}
}
