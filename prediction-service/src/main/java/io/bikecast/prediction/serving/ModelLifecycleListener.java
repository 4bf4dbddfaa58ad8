package io.bikecast.prediction.serving;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.prediction.PredictionProperties;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hears promotions on the model-lifecycle topic and asks for a registry refresh, passing on the artifact checksum the
 * event announces (the downloaded artifact must have it). Every instance must hear every promotion, so each one
 * consumes in a consumer group of its own ({@code prediction-service-<random uuid>}) from the latest offset: older
 * promotions are already reflected by the registry read at start-up, and the periodic re-check covers any event that
 * arrives between that read and this consumer's first poll.
 */
class ModelLifecycleListener {

    /** The listener container's id, for tests that wait for its partition assignment. */
    static final String LISTENER_ID = "prediction-model-lifecycle";

    private static final Logger log = LoggerFactory.getLogger(ModelLifecycleListener.class);

    private final ModelRefresher refresher;
    private final ServedFamilies families;
    private final PredictionProperties properties;

    ModelLifecycleListener(ModelRefresher refresher, ServedFamilies families, PredictionProperties properties) {
        this.refresher = refresher;
        this.families = families;
        this.properties = properties;
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = "#{T(io.bikecast.common.events.Topics).MODEL_LIFECYCLE.name()}",
            groupId = "${bikecast.prediction.lifecycle-group-prefix:prediction-service}-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void onLifecycleEvent(BikecastEvent event) {
        if (event instanceof ModelPromoted promoted) {
            Optional<ModelRefresher> served = promoted.modelName().equals(properties.modelName())
                    ? Optional.of(refresher)
                    : families.refresher(promoted.modelName());
            served.ifPresent(model -> refresh(model, promoted));
        }
    }

    private static void refresh(ModelRefresher refresher, ModelPromoted promoted) {
        log.info(
                "{} v{} was promoted to {}; loading it in the background",
                promoted.modelName(),
                promoted.version(),
                promoted.alias());
        if (promoted.artifactSha256() == null) {
            refresher.requestRefresh("model-promoted v" + promoted.version() + " as " + promoted.alias());
        } else {
            refresher.promoted(promoted.version(), promoted.alias(), promoted.artifactSha256());
        }
    }
}
