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

    /** Newest first, and in the order they were stored among those raised at the same time (V8's {@code seq}). */
    private static final String NEWEST_FIRST = "first_raised_at DESC, seq DESC";

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
     * another time line (a data clock started again, or a switch between wall and data clock) and folds nothing. A
     * resolved alert folds nothing either: the same problem coming back is a new episode, and is sent again.
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
                            AND last_raised_at <= ? AND state <> 'RESOLVED'
                        ORDER BY last_raised_at DESC LIMIT 1""")
                .params(alert.kind().name(), alert.key(), at.minus(foldWindow), at.plus(foldWindow))
                .query(UUID.class)
                .optional();
        if (recent.isPresent()) {
            // Resolved meanwhile (a resolution takes no advisory lock): then this raise starts a new alert.
            Optional<Integer> occurrences =
                    jdbc.sql("""
                            UPDATE monitoring.alert SET occurrences = occurrences + 1,
                                last_raised_at = greatest(last_raised_at, ?)
                            WHERE id = ? AND state <> 'RESOLVED' RETURNING occurrences""").params(at, recent.get()).query(Integer.class).optional();
            if (occurrences.isPresent()) {
                return new Raised(recent.get(), true, occurrences.get());
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO monitoring.alert (id, kind, model_name, alert_key, severity, title, summary, fields,
                            link, first_raised_at, last_raised_at, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(
                        id,
                        alert.kind().name(),
                        alert.modelName(),
                        alert.key(),
                        alert.severity().name(),
                        alert.title(),
                        alert.summary(),
                        json.writeValueAsString(alert.fields()),
                        link,
                        at,
                        at,
                        (alert.kind().problem() ? AlertState.OPEN : AlertState.INFORMATIONAL).name())
                .update();
        for (Channel channel : channels) {
            jdbc.sql("""
                            INSERT INTO monitoring.alert_delivery (alert_id, channel, state, next_attempt_at)
                            VALUES (?, ?, 'PENDING', ?)""").params(id, channel.name(), at).update();
        }
        return new Raised(id, false, 1);
    }

    /**
     * Resolves every open alert of the kind about the model, because its condition cleared; returns their ids.
     *
     * @param reason what cleared, in words
     */
    @Transactional
    List<UUID> resolveCleared(AlertKind kind, String modelName, String reason, Instant now) {
        List<UUID> ids = jdbc.sql("""
                        UPDATE monitoring.alert SET state = 'RESOLVED', resolved_at = ?,
                            resolved_how = 'CONDITION_CLEARED', resolution_reason = ?
                        WHERE state = 'OPEN' AND kind = ? AND model_name = ? RETURNING id""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), reason, kind.name(), modelName)
                .query(UUID.class)
                .list();
        ids.forEach(id -> announceResolution(id, now));
        return ids;
    }

    /**
     * Resolves an open alert for an operator, with every other open alert of its kind and key (the same problem,
     * raised again after the fold window): they resolve together. Returns the ids resolved, the asked one first.
     *
     * @param reason the operator's reason, or null
     * @throws AlertNotFoundException if no alert has the id
     * @throws AlertNotOpenException if it is resolved already, or informational
     */
    @Transactional
    List<UUID> resolveByOperator(UUID id, String reason, Instant now) {
        AlertRef alert = jdbc.sql("SELECT kind, alert_key, state FROM monitoring.alert WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, row) -> new AlertRef(
                        rs.getString("kind"), rs.getString("alert_key"), AlertState.valueOf(rs.getString("state"))))
                .optional()
                .orElseThrow(() -> new AlertNotFoundException(id));
        if (alert.state() == AlertState.RESOLVED) {
            throw new AlertNotOpenException("alert " + id + " is resolved already");
        }
        if (alert.state() == AlertState.INFORMATIONAL) {
            throw new AlertNotOpenException("alert " + id + " is informational (" + alert.kind()
                    + "): it was never open, so there is nothing to resolve");
        }
        List<UUID> ids = jdbc.sql("""
                        UPDATE monitoring.alert SET state = 'RESOLVED', resolved_at = ?, resolved_how = 'OPERATOR',
                            resolution_reason = ?
                        WHERE state = 'OPEN' AND kind = ? AND alert_key = ? RETURNING id""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), reason, alert.kind(), alert.key())
                .query(UUID.class)
                .list();
        ids.forEach(resolved -> announceResolution(resolved, now));
        List<UUID> ordered = new ArrayList<>(List.of(id));
        ids.stream().filter(other -> !other.equals(id)).forEach(ordered::add);
        return ordered;
    }

    private record AlertRef(String kind, String key, AlertState state) {}

    /** A pending "resolved" message for every channel the alert itself was sent to. */
    private void announceResolution(UUID id, Instant now) {
        jdbc.sql("""
                        INSERT INTO monitoring.alert_delivery (alert_id, channel, message, state, next_attempt_at)
                        SELECT alert_id, channel, 'RESOLVED', 'PENDING', ? FROM monitoring.alert_delivery
                        WHERE alert_id = ? AND message = 'RAISED'""").params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id).update();
    }

    /**
     * A pending delivery that is due, locked for the calling transaction (others skip it), if any. A "resolved"
     * message waits until the alert itself was delivered on that channel, so nobody reads that a problem is over
     * before reading that it began. Call inside a transaction that also records the outcome.
     */
    Optional<DueDelivery> claimDue(Instant now) {
        return jdbc.sql("""
                        SELECT d.alert_id, d.channel, d.message, d.attempts FROM monitoring.alert_delivery d
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                            AND (d.message = 'RAISED' OR NOT EXISTS (
                                SELECT 1 FROM monitoring.alert_delivery r
                                WHERE r.alert_id = d.alert_id AND r.channel = d.channel AND r.message = 'RAISED'
                                    AND r.state = 'PENDING'))
                        ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, row) -> new DueDelivery(
                        rs.getObject("alert_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        Message.valueOf(rs.getString("message")),
                        rs.getInt("attempts")))
                .optional();
    }

    /** A delivery to make: one message of an alert to one channel. */
    record DueDelivery(UUID alertId, Channel channel, Message message, int attempts) {}

    void delivered(DueDelivery delivery, Instant now) {
        jdbc.sql("""
                        UPDATE monitoring.alert_delivery
                        SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, last_error = NULL
                        WHERE alert_id = ? AND channel = ? AND message = ?""")
                .params(
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        delivery.alertId(),
                        delivery.channel().name(),
                        delivery.message().name())
                .update();
    }

    void failed(DueDelivery delivery, Instant nextAttempt, String error) {
        jdbc.sql("""
                        UPDATE monitoring.alert_delivery
                        SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        WHERE alert_id = ? AND channel = ? AND message = ?""")
                .params(
                        OffsetDateTime.ofInstant(nextAttempt, ZoneOffset.UTC),
                        error,
                        delivery.alertId(),
                        delivery.channel().name(),
                        delivery.message().name())
                .update();
    }

    Optional<StoredAlert> find(UUID id) {
        return alerts("WHERE a.id = ?", List.of(id)).stream().findFirst();
    }

    /**
     * A page of alerts in the state (any, when null) about the model (any, when null), newest first, with their
     * deliveries. Newest first is by first raising, then by the order they were stored in ({@code seq}): alerts raised
     * in the same data hour have the same raising time, and their ids are random.
     */
    List<StoredAlert> page(AlertState state, String modelName, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = filter(state, modelName, params);
        params.add(size);
        params.add((long) page * size);
        return alerts(
                "WHERE a.id IN (SELECT id FROM monitoring.alert" + where + " ORDER BY " + NEWEST_FIRST
                        + " LIMIT ? OFFSET ?)",
                params);
    }

    /** How many alerts are in the state (all, when null) about the model (any, when null). */
    long count(AlertState state, String modelName) {
        List<Object> params = new ArrayList<>();
        String where = filter(state, modelName, params);
        return jdbc.sql("SELECT count(*) FROM monitoring.alert" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String filter(AlertState state, String modelName, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("state = ?");
            params.add(state.name());
        }
        if (modelName != null) {
            conditions.add("model_name = ?");
            params.add(modelName);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private List<StoredAlert> alerts(String where, List<Object> params) {
        Map<UUID, AlertRow> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.kind, a.model_name, a.alert_key, a.severity, a.title, a.summary,
                            a.fields::text AS fields, a.link, a.occurrences, a.first_raised_at, a.last_raised_at,
                            a.state AS alert_state, a.resolved_at, a.resolved_how, a.resolution_reason,
                            d.channel, d.message, d.state, d.attempts, d.next_attempt_at, d.last_error, d.delivered_at
                        FROM monitoring.alert a LEFT JOIN monitoring.alert_delivery d ON d.alert_id = a.id
                        """ + where + " ORDER BY a.first_raised_at DESC, a.seq DESC, d.channel")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    AlertRow row = rows.computeIfAbsent(id, k -> alertRow(rs));
                    String channel = rs.getString("channel");
                    if (channel != null) {
                        (Message.valueOf(rs.getString("message")) == Message.RAISED
                                        ? row.deliveries()
                                        : row.resolutionDeliveries())
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
                    rs.getString("model_name"),
                    rs.getString("alert_key"),
                    Severity.valueOf(rs.getString("severity")),
                    rs.getString("title"),
                    rs.getString("summary"),
                    json.readValue(rs.getString("fields"), FIELDS),
                    rs.getString("link"),
                    rs.getInt("occurrences"),
                    instant(rs, "first_raised_at"),
                    instant(rs, "last_raised_at"),
                    AlertState.valueOf(rs.getString("alert_state")),
                    instant(rs, "resolved_at"),
                    rs.getString("resolved_how") == null ? null : ResolvedHow.valueOf(rs.getString("resolved_how")),
                    rs.getString("resolution_reason"),
                    new ArrayList<>(),
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
            String modelName,
            String key,
            Severity severity,
            String title,
            String summary,
            List<AlertField> fields,
            String link,
            int occurrences,
            Instant firstRaisedAt,
            Instant lastRaisedAt,
            AlertState state,
            Instant resolvedAt,
            ResolvedHow resolvedHow,
            String resolutionReason,
            List<StoredAlert.Delivery> deliveries,
            List<StoredAlert.Delivery> resolutionDeliveries) {

        StoredAlert toAlert() {
            return new StoredAlert(
                    id,
                    kind,
                    modelName,
                    key,
                    severity,
                    title,
                    summary,
                    fields,
                    link,
                    occurrences,
                    firstRaisedAt,
                    lastRaisedAt,
                    state,
                    resolvedAt,
                    resolvedHow,
                    resolutionReason,
                    List.copyOf(deliveries),
                    List.copyOf(resolutionDeliveries));
        }
    }
}
