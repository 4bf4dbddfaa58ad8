package io.bikecast.ingest.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ingest.outbox_event}: events waiting to be published, written in the transaction of what they announce. */
@Repository
public class OutboxStore {

    /** An unsent event as stored. */
    public record Pending(long id, String payload) {}

    private static final int CHUNK = 10_000;

    /** A key for {@code pg_try_advisory_xact_lock}: only one relay, in any instance, publishes at a time. */
    static final long RELAY_LOCK = 0x62696b6563617374L;

    private final JdbcTemplate jdbc;

    public OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends events in the caller's transaction; they become visible to the relay when it commits. */
    public void append(List<? extends BikecastEvent> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<? extends BikecastEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            int n = chunk.size();
            String[] ids = new String[n];
            String[] topics = new String[n];
            String[] keys = new String[n];
            String[] payloads = new String[n];
            for (int i = 0; i < n; i++) {
                BikecastEvent event = chunk.get(i);
                ids[i] = event.eventId().toString();
                topics[i] = event.topic();
                keys[i] = event.key();
                payloads[i] = EventJson.write(event);
            }
            jdbc.update(connection -> {
                PreparedStatement statement =
                        connection.prepareStatement("INSERT INTO outbox_event (event_id, topic, event_key, payload)"
                                + " SELECT e.id::uuid, e.topic, e.event_key, e.payload::json"
                                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                                + " WITH ORDINALITY AS e(id, topic, event_key, payload, ord) ORDER BY e.ord");
                statement.setArray(1, connection.createArrayOf("text", ids));
                statement.setArray(2, connection.createArrayOf("text", topics));
                statement.setArray(3, connection.createArrayOf("text", keys));
                statement.setArray(4, connection.createArrayOf("text", payloads));
                return statement;
            });
        }
    }

    /** Takes the relay's lock for the current transaction; false if another relay holds it. */
    boolean tryLock() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK));
    }

    /** The oldest unsent events, in the order they were written. */
    List<Pending> pending(int limit) {
        return jdbc.query(
                "SELECT id, payload FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2)),
                limit);
    }

    void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement =
                    connection.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE id = ANY(?)");
            statement.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
            return statement;
        });
    }

    /** How many events wait to be published. */
    public long countPending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    int deleteSentBefore(Instant cutoff) {
        return jdbc.update(
                "DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ?", java.sql.Timestamp.from(cutoff));
    }
}
