package io.bikecast.prediction.history;

import io.bikecast.common.events.Topics;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** Test helpers around the actuals listener, beside it because its container's id is internal to history. */
public final class Actuals {

    private Actuals() {}

    /**
     * Waits until the listener owns every partition of the actuals topic: it reads from the latest offset, so an actual
     * published before that would be missed (a restarted instance gets it from the rebuild instead).
     */
    public static void awaitListening(KafkaListenerEndpointRegistry registry) {
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer(ActualsListener.LISTENER_ID), Topics.ACTUALS.partitions());
    }
}
