package io.bikecast.monitoring.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last time monitoring asked for each model to be retrained, in {@code monitoring.retraining_trigger}: in the
 * database, so that neither a restart nor a second instance forgets an episode already acted on.
 */
@Repository
public class RetrainingCooldown {

    private final JdbcClient jdbc;

    public RetrainingCooldown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the model's trigger if the cooldown has passed since the last one, in one statement (two instances
     * cannot both take it). Call inside the transaction that publishes the request, so a failed publish gives it back.
     *
     * @return true if the caller may request retraining now
     */
    public boolean tryTrigger(String modelName, Instant now, Duration cooldown, UUID reportId, String reason) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        INSERT INTO monitoring.retraining_trigger (model_name, last_triggered, report_id, reason)
                        VALUES (:model, :at, :report, :reason)
                        ON CONFLICT (model_name) DO UPDATE
                            SET last_triggered = excluded.last_triggered, report_id = excluded.report_id,
                                reason = excluded.reason
                            WHERE monitoring.retraining_trigger.last_triggered <= :earliest""")
                .param("model", modelName)
                .param("at", at)
                .param("report", reportId)
                .param("reason", reason)
                .param("earliest", at.minus(cooldown))
                .update();
        return updated == 1;
    }

    /** When monitoring last asked for the model to be retrained. */
    public Optional<Instant> lastTriggered(String modelName) {
        return jdbc.sql("SELECT last_triggered FROM monitoring.retraining_trigger WHERE model_name = ?")
                .param(modelName)
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }
}
