package io.bikecast.training.run;

import io.bikecast.training.config.TrainingProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Queues training runs from every trigger, and wakes the worker. */
@Service
public class TrainingRunService {

    private final TrainingRunRepository runs;
    private final TrainingWorker worker;
    private final TrainingProperties properties;

    TrainingRunService(TrainingRunRepository runs, TrainingWorker worker, TrainingProperties properties) {
        this.runs = runs;
        this.worker = worker;
        this.properties = properties;
    }

    /**
     * Queues a run of the default model with the configured settings.
     *
     * @param requestEventId the id of the event that asked, so a redelivery queues nothing; null for other triggers
     * @return the queued run, or empty when the event was seen before
     */
    public Optional<UUID> request(Trigger trigger, String reason, UUID requestEventId) {
        return request(properties.modelName(), trigger, reason, requestEventId);
    }

    /**
     * Queues a run of one of the models this service trains, with the configured settings.
     *
     * @param requestEventId the id of the event that asked, so a redelivery queues nothing; null for other triggers
     * @return the queued run, or empty when the event was seen before
     * @throws IllegalArgumentException if this service trains no model of that name
     */
    public Optional<UUID> request(String modelName, Trigger trigger, String reason, UUID requestEventId) {
        if (properties.model(modelName).isEmpty()) {
            throw new IllegalArgumentException("this service trains no model '" + modelName + "'");
        }
        return enqueue(modelName, trigger, reason, RunOverrides.NONE, requestEventId);
    }

    /**
     * Queues a run a person asked for, with their overrides.
     *
     * @throws InvalidRunParametersException naming every override that cannot make a run; nothing is queued
     */
    UUID requestByApi(String modelName, String reason, RunOverrides overrides) {
        List<String> violations = overrides.resolve(properties, modelName).violations();
        if (!violations.isEmpty()) {
            throw new InvalidRunParametersException(violations);
        }
        return enqueue(modelName, Trigger.API, reason, overrides, null).orElseThrow();
    }

    private Optional<UUID> enqueue(
            String modelName, Trigger trigger, String reason, RunOverrides overrides, UUID requestEventId) {
        Optional<UUID> id = runs.enqueue(modelName, trigger, reason, overrides, requestEventId);
        worker.wake();
        return id;
    }
}
