package io.bikecast.monitoring.policy;

import io.bikecast.monitoring.clock.ClockReading;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last time monitoring asked for each model to be retrained, in {@code monitoring.retraining_trigger}: in the
 * database, so that neither a restart nor a second instance forgets an episode already acted on. Times are clock
 * times (the data hour under the data clock).
 */
@Repository
class RetrainingCooldown {

    private final JdbcClient jdbc;

    RetrainingCooldown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the model's trigger if the cooldown has passed since the last one, in one statement (two instances
     * cannot both take it). Call inside the transaction that publishes the request, so a failed publish gives it back.
     * A last trigger more than a cooldown <em>after</em> now belongs to another time line (a data clock started
     * again on an old database, or a switch between wall and data clock) and does not hold a new one back.
     *
     * @return true if the caller may request retraining now
     */
    boolean tryTrigger(
            String modelName,
            ClockReading now,
            Duration cooldown,
            UUID reportId,
            UUID eventId,
            List<String> reasonCodes,
            String reason) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        INSERT INTO monitoring.retraining_trigger (model_name, last_triggered, report_id, reason,
                            event_id, reason_codes, clock_time)
                        VALUES (:model, :at, :report, :reason, :event, :codes, :clockTime)
                        ON CONFLICT (model_name) DO UPDATE
                            SET last_triggered = excluded.last_triggered, report_id = excluded.report_id,
                                reason = excluded.reason, event_id = excluded.event_id,
                                reason_codes = excluded.reason_codes, clock_time = excluded.clock_time
                            WHERE monitoring.retraining_trigger.last_triggered <= :earliest
                                OR monitoring.retraining_trigger.last_triggered > :latest""")
                .param("model", modelName)
                .param("at", at)
                .param("report", reportId)
                .param("reason", reason)
                .param("event", eventId)
                .param("codes", reasonCodes.toArray(String[]::new))
                .param("clockTime", Timestamp.valueOf(now.local()))
                .param("earliest", at.minus(cooldown))
                .param("latest", at.plus(cooldown))
                .update();
        return updated == 1;
    }

    /** The last request for the model, if any. */
    Optional<LastRetrainingRequest> lastRequest(String modelName) {
        return jdbc.sql("""
                        SELECT event_id, clock_time, last_triggered, reason_codes, reason
                        FROM monitoring.retraining_trigger WHERE model_name = ?""")
                .param(modelName)
                .query((rs, row) -> {
                    Timestamp clockTime = rs.getTimestamp("clock_time");
                    return new LastRetrainingRequest(
                            rs.getObject("event_id", UUID.class),
                            clockTime == null
                                    ? rs.getObject("last_triggered", OffsetDateTime.class)
                                            .toLocalDateTime()
                                    : clockTime.toLocalDateTime(),
                            strings(rs.getArray("reason_codes")),
                            rs.getString("reason"));
                })
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
