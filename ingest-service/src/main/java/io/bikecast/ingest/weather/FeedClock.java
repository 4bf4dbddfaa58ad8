package io.bikecast.ingest.weather;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The data clock of a GBFS system: the feed's {@code last_updated} of its newest stored snapshot. Read from the GBFS
 * feature's {@code gbfs_snapshot} table, read-only (as that feature reads {@code weather_observed}), so that neither
 * feature depends on the other's code.
 */
@Repository
class FeedClock {

    private final JdbcTemplate jdbc;

    FeedClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The system's "now", empty before its first snapshot. */
    Optional<Instant> now(String system) {
        return jdbc.query(
                        "SELECT max(last_updated) FROM gbfs_snapshot WHERE system_id = ?",
                        (rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)),
                        system)
                .getFirst()
                .map(OffsetDateTime::toInstant);
    }
}
