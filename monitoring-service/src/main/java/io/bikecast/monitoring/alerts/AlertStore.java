package io.bikecast.monitoring.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts and their deliveries, in {@code monitoring.alert} and {@code monitoring.alert_delivery}. An alert is stored
 * before anything is sent, so a webhook that is down delays it and never loses it.
 */
@Repository
class AlertStore {

    private static final TypeReference<List<AlertField>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The outcome of raising an alert.
     *
     * @param folded true if an alert of the same kind and key was raised within the fold window, and this one was
     *     counted there instead of being sent again
     */
    record Raised(UUID id, boolean folded, int occurrences) {}

    /**
     * Stores an alert with a pending delivery per channel, or folds it into the same kind and key's latest alert if
     * that was raised within the fold window. Raises of the same kind and key are serialised by an advisory lock, so
     * two at once cannot both create an alert. An alert raised more than a fold window after {@code now} belongs to
     * another time line (a data clock started again, or a switch between wall and data clock) and folds nothing.
     *
     * @param link the absolute link of the alert, or null
     */
    @Transactional
    Raised raise(NewAlert alert, String link, Set<Channel> channels, Duration foldWindow, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param(alert.kind().name() + "|" + alert.key())
                .query()
                .singleRow();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Optional<UUID> recent = jdbc.sql("""
                        SELECT id FROM monitoring.alert WHERE kind = ? AND alert_key = ? AND last_raised_at > ?
                            AND last_raised_at <= ?
                        ORDER BY last_raised_at DESC LIMIT 1""")
                .params(alert.kind().name(), alert.key(), at.minus(foldWindow), at.plus(foldWindow))
                .query(UUID.class)
                .optional();
        if (recent.isPresent()) {
            int occurrences =
                    jdbc.sql("""
                            UPDATE monitoring.alert SET occurrences = occurrences + 1,
                                last_raised_at = greatest(last_raised_at, ?)
                            WHERE id = ? RETURNING occurrences""").params(at, recent.get()).query(Integer.class).single();
            return new Raised(recent.get(), true, occurrences);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO monitoring.alert (id, kind, alert_key, severity, title, summary, fields, link,
                            first_raised_at, last_raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(
                        id,
                        alert.kind().name(),
                        alert.key(),
                        alert.severity().name(),
                        alert.title(),
                        alert.summary(),
                        json.writeValueAsString(alert.fields()),
                        link,
                        at,
                        at)
                .update();
        for (Channel channel : channels) {
            jdbc.sql("""
                            INSERT INTO monitoring.alert_delivery (alert_id, channel, state, next_attempt_at)
                            VALUES (?, ?, 'PENDING', ?)""").params(id, channel.name(), at).update();
        }
        return new Raised(id, false, 1);
    }

    /**
     * A pending delivery that is due, locked for the calling transaction (others skip it), if any. Call inside a
     * transaction that also records the outcome.
     */
    Optional<DueDelivery> claimDue(Instant now) {
        return jdbc.sql("""
                        SELECT d.alert_id, d.channel, d.attempts FROM monitoring.alert_delivery d
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                        ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, row) -> new DueDelivery(
                        rs.getObject("alert_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getInt("attempts")))
                .optional();
    }

    /** A delivery to make. */
    record DueDelivery(UUID alertId, Channel channel, int attempts) {}

    void delivered(DueDelivery delivery, Instant now) {
        jdbc.sql("""
                        UPDATE monitoring.alert_delivery
                        SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, last_error = NULL
                        WHERE alert_id = ? AND channel = ?""")
                .params(
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        delivery.alertId(),
                        delivery.channel().name())
                .update();
    }

    void failed(DueDelivery delivery, Instant nextAttempt, String error) {
        jdbc.sql("""
                        UPDATE monitoring.alert_delivery
                        SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        WHERE alert_id = ? AND channel = ?""")
                .params(
                        OffsetDateTime.ofInstant(nextAttempt, ZoneOffset.UTC),
                        error,
                        delivery.alertId(),
                        delivery.channel().name())
                .update();
    }

    Optional<StoredAlert> find(UUID id) {
        return alerts("WHERE a.id = ?", List.of(id)).stream().findFirst();
    }

    /** A page of alerts, newest first, with their deliveries. */
    List<StoredAlert> page(int page, int size) {
        return alerts(
                "WHERE a.id IN (SELECT id FROM monitoring.alert ORDER BY first_raised_at DESC, id LIMIT ? OFFSET ?)",
                List.of(size, (long) page * size));
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM monitoring.alert")
                .query(Long.class)
                .single();
    }

    private List<StoredAlert> alerts(String where, List<Object> params) {
        Map<UUID, AlertRow> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.kind, a.alert_key, a.severity, a.title, a.summary, a.fields::text AS fields,
                            a.link, a.occurrences, a.first_raised_at, a.last_raised_at,
                            d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, d.delivered_at
                        FROM monitoring.alert a LEFT JOIN monitoring.alert_delivery d ON d.alert_id = a.id
                        """ + where + " ORDER BY a.first_raised_at DESC, a.id, d.channel")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    AlertRow row = rows.computeIfAbsent(id, k -> alertRow(rs));
                    String channel = rs.getString("channel");
                    if (channel != null) {
                        row.deliveries()
                                .add(new StoredAlert.Delivery(
                                        Channel.valueOf(channel),
                                        rs.getString("state"),
                                        rs.getInt("attempts"),
                                        instant(rs, "next_attempt_at"),
                                        rs.getString("last_error"),
                                        instant(rs, "delivered_at")));
                    }
                });
        return rows.values().stream().map(AlertRow::toAlert).toList();
    }

    private AlertRow alertRow(ResultSet rs) {
        try {
            return new AlertRow(
                    rs.getObject("id", UUID.class),
                    AlertKind.valueOf(rs.getString("kind")),
                    rs.getString("alert_key"),
                    Severity.valueOf(rs.getString("severity")),
                    rs.getString("title"),
                    rs.getString("summary"),
                    json.readValue(rs.getString("fields"), FIELDS),
                    rs.getString("link"),
                    rs.getInt("occurrences"),
                    instant(rs, "first_raised_at"),
                    instant(rs, "last_raised_at"),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an alert row", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record AlertRow(
            UUID id,
            AlertKind kind,
            String key,
            Severity severity,
            String title,
            String summary,
            List<AlertField> fields,
            String link,
            int occurrences,
            Instant firstRaisedAt,
            Instant lastRaisedAt,
            List<StoredAlert.Delivery> deliveries) {

        StoredAlert toAlert() {
            return new StoredAlert(
                    id,
                    kind,
                    key,
                    severity,
                    title,
                    summary,
                    fields,
                    link,
                    occurrences,
                    firstRaisedAt,
                    lastRaisedAt,
                    List.copyOf(deliveries));
        }
    }
}
