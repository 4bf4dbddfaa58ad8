package io.bikecast.common.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of events, shared by every producer and consumer (the Kafka serializers use it too) so that all
 * of them read and write the same shape.
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
