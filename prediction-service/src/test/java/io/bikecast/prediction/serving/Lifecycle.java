package io.bikecast.prediction.serving;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** Test helpers around the model-lifecycle listener, beside it because its container's id is internal to serving. */
public final class Lifecycle {

    private Lifecycle() {}

    /**
     * Waits until the listener owns the lifecycle topic's partition: it reads from the latest offset, so a promotion
     * published before that would be left to the periodic registry re-check.
     */
    public static void awaitListening(KafkaListenerEndpointRegistry registry) {
        ContainerTestUtils.waitForAssignment(registry.getListenerContainer(ModelLifecycleListener.LISTENER_ID), 1);
    }
}
