package io.bikecast.training.triggers;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.training.config.ModelFamily;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.run.TrainingRunService;
import io.bikecast.training.run.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The event triggers: {@code training-requested} events (from monitoring, or anyone) and, when enabled, {@code
 * observations-ingested} events. Each only queues a run; the worker merges requests that pile up. The optional
 * wall-clock cron is {@link ScheduledRetraining}.
 */
@Component
class TrainingTriggers {

    private static final Logger log = LoggerFactory.getLogger(TrainingTriggers.class);

    private final TrainingRunService service;
    private final TrainingProperties properties;

    TrainingTriggers(TrainingRunService service, TrainingProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @KafkaListener(
            id = "training-requests",
            idIsGroup = false,
            topics = "#{T(io.bikecast.common.events.Topics).TRAINING_REQUESTS.name()}")
    public void onTrainingRequest(BikecastEvent event) {
        if (event instanceof TrainingRequested request) {
            if (properties.model(request.modelName()).isEmpty()) {
                log.info(
                        "ignoring a training request for model '{}': this service trains {}",
                        request.modelName(),
                        properties.models().stream().map(ModelFamily::modelName).toList());
                return;
            }
            String reason = request.reason()
                    + (request.driftReportId() == null ? "" : " (drift report " + request.driftReportId() + ")");
            service.request(request.modelName(), Trigger.of(request.source()), reason, request.eventId());
        }
    }

    @KafkaListener(
            id = "observations-trigger",
            idIsGroup = false,
            topics = "#{T(io.bikecast.common.events.Topics).OBSERVATIONS.name()}",
            autoStartup = "${bikecast.training.triggers.observations-ingested:false}")
    public void onObservations(BikecastEvent event) {
        if (event instanceof ObservationsIngested ingested && ingested.rowsAccepted() + ingested.rowsUpdated() > 0) {
            service.request(
                    Trigger.INGEST,
                    "observations ingested: batch " + ingested.batchId() + ", dataset version "
                            + ingested.datasetVersion(),
                    ingested.eventId());
        }
    }
}
