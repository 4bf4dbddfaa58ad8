package io.bikecast.platform.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.platform.kafka.EventJson;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of one service's outbox table. Every service's table has the same columns (its own migration creates them):
 * {@code id} (the publication order), {@code event_id}, {@code topic}, {@code event_key}, {@code payload} (the event
 * as {@link EventJson} writes it, kept as {@code json}, byte for byte), {@code created_at}, {@code published_at}
 * (null until the broker acknowledged it), {@code attempts} and {@code last_error} (failed attempts), {@code
 * parked_at} (set when it was given up on).
 */
final class OutboxTable {

    /** An event waiting to be published, as stored. */
    record Pending(long id, UUID eventId, String payload, int attempts) {}

    /** A failed attempt to publish a pending event; {@code park} gives up on it. */
    record FailedAttempt(long id, String error, boolean park) {}

    static final String COLUMNS =
            "id, event_id, topic, event_key, payload, created_at, published_at, attempts, last_error, parked_at";

    /** Rows per INSERT: one statement per chunk keeps a batch of a hundred thousand events to a few round trips. */
    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final String table;

    OutboxTable(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    String name() {
        return table;
    }

    /** Fails, naming what is wrong, unless the table exists with every column the outbox uses. */
    void verify() {
        try {
            jdbc.queryForList("SELECT " + COLUMNS + " FROM " + table + " WHERE false");
        } catch (DataAccessException e) {
            throw new IllegalStateException(
                    "bikecast.outbox.table names " + table + ", which does not exist with the outbox's columns ("
                            + COLUMNS + "); the service's Flyway migration must create it",
                    e);
        }
    }

    /** Inserts events in the current transaction, in the order given. */
    void insert(List<? extends BikecastEvent> events) {
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
                PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table
                        + " (event_id, topic, event_key, payload)"
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

    /**
     * Takes the relay's lock on this table for the current transaction; false if a relay of another instance holds it.
     * One relay at a time keeps the order: two would publish the same rows side by side.
     */
    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))", Boolean.class, "bikecast.outbox:" + table));
    }

    /** The oldest events neither published nor parked, in the order they were written. */
    List<Pending> pending(int limit) {
        return jdbc.query(
                "SELECT id, event_id, payload, attempts FROM " + table
                        + " WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?",
                (rs, i) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)),
                limit);
    }

    void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement =
                    connection.prepareStatement("UPDATE " + table + " SET published_at = now() WHERE id = ANY(?)");
            statement.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
            return statement;
        });
    }

    void recordFailures(List<FailedAttempt> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "UPDATE " + table + " SET attempts = attempts + 1, last_error = ?,"
                        + " parked_at = CASE WHEN ? THEN now() END WHERE id = ?",
                failures,
                failures.size(),
                (statement, failure) -> {
                    statement.setString(1, failure.error());
                    statement.setBoolean(2, failure.park());
                    statement.setLong(3, failure.id());
                });
    }

    long countPending() {
        return count("published_at IS NULL AND parked_at IS NULL");
    }

    long countParked() {
        return count("parked_at IS NOT NULL");
    }

    private long count(String condition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + condition, Long.class);
        return count == null ? 0 : count;
    }

    /** Deletes published events older than the cutoff; parked ones stay. */
    int deletePublishedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM " + table + " WHERE published_at < ?", Timestamp.from(cutoff));
    }
}
