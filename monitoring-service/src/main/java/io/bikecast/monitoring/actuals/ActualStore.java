package io.bikecast.monitoring.actuals;

import io.bikecast.common.events.ActualObserved;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The actual demand per series and hour, in {@code monitoring.actual}; the latest value of an hour wins. */
@Repository
class ActualStore {

    private final JdbcTemplate jdbc;

    ActualStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsertAll(List<ActualObserved> actuals) {
        jdbc.batchUpdate("""
                INSERT INTO monitoring.actual (series_id, hour, count, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (series_id, hour) DO UPDATE
                    SET count = excluded.count, source = excluded.source, observed_at = now()""", actuals, 500, (ps, actual) -> {
            ps.setString(1, actual.seriesId());
            ps.setTimestamp(2, Timestamp.valueOf(actual.hour()));
            ps.setInt(3, actual.count());
            ps.setString(4, actual.source());
        });
    }
}
