package io.bikecast.prediction.history;

import io.bikecast.common.events.Topics;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** Test helpers around the actuals listener, beside it because its container's id is internal to history. */
public final class Actuals {

    private Actuals() {}

    /**
     * Waits until the listener owns every partition of the actuals and the observations topics: an event published
     * before that would be missed (a restarted instance gets its hours from the rebuild instead).
     */
    public static void awaitListening(KafkaListenerEndpointRegistry registry) {
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer(ActualsListener.LISTENER_ID),
                Topics.ACTUALS.partitions() + Topics.OBSERVATIONS.partitions());
    }
}
