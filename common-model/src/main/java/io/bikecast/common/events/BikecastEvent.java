package io.bikecast.common.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event one bikecast service tells the others. Every event carries a unique id, so a consumer that sees the same
 * event twice (Kafka delivers at least once) can drop the duplicate, and the version of its own JSON schema.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ObservationsIngested.class, name = ObservationsIngested.TYPE),
    @JsonSubTypes.Type(value = ActualObserved.class, name = ActualObserved.TYPE),
    @JsonSubTypes.Type(value = TrainingRequested.class, name = TrainingRequested.TYPE),
    @JsonSubTypes.Type(value = ModelTrained.class, name = ModelTrained.TYPE),
    @JsonSubTypes.Type(value = ModelPromoted.class, name = ModelPromoted.TYPE),
    @JsonSubTypes.Type(value = TrainingFailed.class, name = TrainingFailed.TYPE),
    @JsonSubTypes.Type(value = PredictionLogged.class, name = PredictionLogged.TYPE),
    @JsonSubTypes.Type(value = PredictionsLogged.class, name = PredictionsLogged.TYPE),
    @JsonSubTypes.Type(value = DriftDetected.class, name = DriftDetected.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface BikecastEvent
        permits ObservationsIngested,
                ActualObserved,
                TrainingRequested,
                ModelTrained,
                ModelPromoted,
                TrainingFailed,
                PredictionLogged,
                PredictionsLogged,
                DriftDetected {

    /** The schema version every producer in this code base writes. */
    int CURRENT_SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The Kafka record key: events with the same key keep their order. */
    String key();

    /** The topic this event is published to. */
    default String topic() {
        return Topics.topicOf(getClass());
    }
}
