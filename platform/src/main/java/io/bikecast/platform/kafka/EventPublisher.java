package io.bikecast.platform.kafka;

import io.bikecast.common.events.BikecastEvent;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Publishes a bikecast event to its topic, keyed as {@link io.bikecast.common.events.Topics} says. */
public class EventPublisher {

    private final KafkaTemplate<String, BikecastEvent> template;

    public EventPublisher(KafkaTemplate<String, BikecastEvent> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, BikecastEvent>> publish(BikecastEvent event) {
        return template.send(event.topic(), event.key(), event);
    }
}
