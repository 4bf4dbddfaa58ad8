package io.bikecast.platform.kafka;

import io.bikecast.common.events.BikecastEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of events, shared by every producer and consumer (the Kafka serializers use it too) so that all
 * of them read and write the same shape. It lives with the Kafka wiring rather than with the events: common-model
 * declares the shape with Jackson's annotations only and carries no mapper.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(BikecastEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static BikecastEvent read(String json) {
        return MAPPER.readValue(json, BikecastEvent.class);
    }
}
