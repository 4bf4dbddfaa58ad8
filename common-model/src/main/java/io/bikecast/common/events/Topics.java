package io.bikecast.common.events;

import java.util.List;

/**
 * Every Kafka topic of bikecast, in one place. Each event type travels on exactly one topic; the topic's key decides
 * which events keep their relative order.
 */
public final class Topics {

    public static final TopicSpec OBSERVATIONS =
            new TopicSpec("bikecast.observations", 3, "ingest batch id", List.of(ObservationsIngested.class));

    /** Keyed by series so that one series' hours arrive in order. */
    public static final TopicSpec ACTUALS =
            new TopicSpec("bikecast.actuals", 3, "series id", List.of(ActualObserved.class));

    public static final TopicSpec TRAINING_REQUESTS =
            new TopicSpec("bikecast.training-requests", 1, "model name", List.of(TrainingRequested.class));

    /** A model's lifecycle on one topic, keyed by model name, so that "trained" precedes "promoted" for a version. */
    public static final TopicSpec MODEL_LIFECYCLE = new TopicSpec(
            "bikecast.model-lifecycle",
            1,
            "model name",
            List.of(ModelTrained.class, ModelPromoted.class, TrainingFailed.class));

    /**
     * Keyed by prediction id (of a batch, its first): spreads the highest-volume topic over its partitions; consumers
     * are idempotent. The prediction service writes batches; single events are what older producers wrote.
     */
    public static final TopicSpec PREDICTIONS = new TopicSpec(
            "bikecast.predictions", 6, "prediction id", List.of(PredictionLogged.class, PredictionsLogged.class));

    public static final TopicSpec DRIFT =
            new TopicSpec("bikecast.drift", 1, "model name", List.of(DriftDetected.class));

    public static final List<TopicSpec> ALL =
            List.of(OBSERVATIONS, ACTUALS, TRAINING_REQUESTS, MODEL_LIFECYCLE, PREDICTIONS, DRIFT);

    private Topics() {}

    /** The topic name an event type is published to. */
    public static String topicOf(Class<? extends BikecastEvent> eventType) {
        return ALL.stream()
                .filter(topic -> topic.carries(eventType))
                .findFirst()
                .map(TopicSpec::name)
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + eventType.getName()));
    }
}
