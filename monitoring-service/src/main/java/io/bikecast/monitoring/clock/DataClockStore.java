package io.bikecast.monitoring.clock;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The data clock's hour, in {@code monitoring.data_clock}: one row, moved only forward. */
@Repository
class DataClockStore {

    private final JdbcClient jdbc;

    DataClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LocalDateTime> hour() {
        return jdbc.sql("SELECT hour FROM monitoring.data_clock WHERE id = 1")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toLocalDateTime);
    }

    void advanceTo(LocalDateTime hour) {
        jdbc.sql("""
                        INSERT INTO monitoring.data_clock (id, hour) VALUES (1, ?)
                        ON CONFLICT (id) DO UPDATE SET hour = excluded.hour, advanced_at = now()
                            WHERE monitoring.data_clock.hour < excluded.hour""").param(Timestamp.valueOf(hour)).update();
    }
}
