package io.bikecast.monitoring.lifecycle;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.champion.ChampionTracker;
import io.bikecast.monitoring.champion.ReferenceProvider;
import io.bikecast.monitoring.config.MonitoringProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the models' lifecycle: a champion promotion switches the drift reference to the new champion, records its
 * holdout RMSE and the age of its served fit for the policy, and raises an alert with the old and new versions'
 * metrics; a failed training run raises an alert, open until a later run of the same model succeeds (a
 * {@code model-trained} event), which resolves it. Each event is handled once: its id is recorded in the same
 * transaction as the alert, so a redelivery is dropped.
 */
@Component
class ModelLifecycleListener {

    /** The listener id, for stopping and starting it through {@code KafkaListenerEndpointRegistry}. */
    static final String ID = "monitoring-model-lifecycle";

    private final ReferenceProvider references;
    private final ChampionTracker champions;
    private final AlertService alerts;
    private final JdbcClient jdbc;
    private final MonitoringProperties models;

    ModelLifecycleListener(
            ReferenceProvider references,
            ChampionTracker champions,
            AlertService alerts,
            JdbcClient jdbc,
            MonitoringProperties models) {
        this.models = models;
        this.references = references;
        this.champions = champions;
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = ID, topics = "#{T(io.bikecast.common.events.Topics).MODEL_LIFECYCLE.name()}")
    @Transactional
    public void onLifecycle(BikecastEvent event) {
        switch (event) {
            case ModelPromoted promoted
            when promoted.isChampion() -> {
                // Only a monitored model's reference is drift-checked: another's would be fetched (megabytes) for
                // nothing.
                if (models.monitors(promoted.modelName())) {
                    references.championPromoted(promoted.modelName(), promoted.version());
                }
                if (firstTime(event)) {
                    champions.promoted(promoted);
                    alerts.raise(LifecycleAlerts.championPromoted(promoted));
                }
            }
            case TrainingFailed failed -> {
                if (firstTime(event)) {
                    alerts.raise(LifecycleAlerts.trainingFailed(failed));
                }
            }
            case ModelTrained trained -> {
                // A run that produced a version succeeded, whatever the promotion decision: the model trains again.
                if (firstTime(event)) {
                    alerts.conditionCleared(
                            AlertKind.TRAINING_FAILED, trained.modelName(), LifecycleAlerts.trainingSucceeded(trained));
                }
            }
            default -> {
                // challenger promotions need no action here
            }
        }
    }

    private boolean firstTime(BikecastEvent event) {
        return jdbc.sql("INSERT INTO monitoring.processed_event (event_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(event.eventId(), event.getClass().getSimpleName())
                        .update()
                == 1;
    }
}
