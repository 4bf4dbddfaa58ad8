package io.bikecast.common.events;

import java.util.List;

/**
 * One Kafka topic: its name, how many partitions it has, what its records are keyed by, and which events it carries.
 *
 * @param key what the record key is, in words; records with the same key stay in order
 */
public record TopicSpec(String name, int partitions, String key, List<Class<? extends BikecastEvent>> events) {

    public TopicSpec {
        events = List.copyOf(events);
    }

    public boolean carries(Class<? extends BikecastEvent> eventType) {
        return events.contains(eventType);
    }
}
