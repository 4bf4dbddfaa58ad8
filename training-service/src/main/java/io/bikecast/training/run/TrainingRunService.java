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

    public TrainingRunService(TrainingRunRepository runs, TrainingWorker worker, TrainingProperties properties) {
        this.runs = runs;
        this.worker = worker;
        this.properties = properties;
    }

    /** Every reason the overrides cannot make a run, as {@code "field: reason"}. */
    public List<String> violations(RunOverrides overrides) {
        return overrides.resolve(properties).violations();
    }

    /**
     * Queues a run of the configured model.
     *
     * @param requestEventId the id of the event that asked, so a redelivery queues nothing; null for other triggers
     * @return the queued run, or empty when the event was seen before
     */
    public Optional<UUID> request(Trigger trigger, String reason, RunOverrides overrides, UUID requestEventId) {
        Optional<UUID> id = runs.enqueue(properties.modelName(), trigger, reason, overrides, requestEventId);
        worker.wake();
        return id;
    }

    public String modelName() {
        return properties.modelName();
    }
}
