package io.bikecast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.PredictionsLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.common.features.UciFeatures;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class EventRoundTripTest {

    static final UciFeatures FEATURES = new UciFeatures(1, 0, 1, 8, 0, 3, 1, 2, 0.24, 0.2879, 0.81, 0.1045);
    static final ModelMetrics METRICS = new ModelMetrics(61.2, 38.4, 0.91, 0.52);

    static Stream<BikecastEvent> everyEvent() {
        LocalDateTime hour = LocalDateTime.of(2012, 3, 14, 8, 0);
        return Stream.of(
                ObservationsIngested.of(
                        UUID.randomUUID(), "ab12", List.of("system"), 24, 2, 1, hour, hour.plusHours(23), "csv"),
                ActualObserved.of("system", hour, 412, "replay"),
                TrainingRequested.of("demand", "dataset drift", TriggerSource.MONITORING, UUID.randomUUID()),
                ModelTrained.of("demand", 3, UUID.randomUUID(), "random-forest", METRICS, "challenger"),
                ModelPromoted.of(
                        "demand", 3, ModelPromoted.CHAMPION, "f00d", 2L, "beat the champion", METRICS, METRICS),
                TrainingFailed.of("demand", UUID.randomUUID(), "no observations in window", TriggerSource.SCHEDULE),
                PredictionLogged.of(
                        UUID.randomUUID(),
                        "system",
                        hour,
                        FEATURES,
                        211.6,
                        212,
                        "demand",
                        3,
                        ServedBy.CHALLENGER,
                        true,
                        java.time.Instant.now()),
                PredictionsLogged.of(List.of(
                        PredictionLogged.of(
                                UUID.randomUUID(),
                                "citibike-72",
                                hour,
                                FEATURES,
                                3.4,
                                3,
                                "citibike-stations",
                                2,
                                ServedBy.CHAMPION,
                                false,
                                java.time.Instant.now(),
                                hour.minusHours(6),
                                6),
                        PredictionLogged.of(
                                UUID.randomUUID(),
                                "system",
                                null,
                                FEATURES,
                                -0.2,
                                0,
                                "demand",
                                3,
                                ServedBy.CHALLENGER,
                                true,
                                java.time.Instant.now()))),
                DriftDetected.of("demand", 3, UUID.randomUUID(), "dataset drift", List.of("temp", "hum"), 0.5));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void readsBackExactlyWhatItWrote(BikecastEvent event) {
        String json = EventJson.write(event);

        assertThat(EventJson.read(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void writesTheTypeDiscriminatorAndSchemaVersion(BikecastEvent event) throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(event));

        assertThat(json.path("type").asString()).isNotBlank();
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(BikecastEvent.CURRENT_SCHEMA_VERSION);
        assertThat(json.path("eventId").asString()).isEqualTo(event.eventId().toString());
    }

    @Test
    void writesBatchedPredictionsAsArraysAtLessThanHalfTheSizeOfSingleEvents() throws Exception {
        PredictionsLogged batch = everyEvent()
                .flatMap(event -> event instanceof PredictionsLogged b ? Stream.of(b) : Stream.empty())
                .findFirst()
                .orElseThrow();
        JsonNode first = EventJson.mapper()
                .readTree(EventJson.write(batch))
                .path("predictions")
                .get(0);

        assertThat(first.isArray()).isTrue();
        assertThat(first.get(1).asString()).isEqualTo("citibike-72");
        assertThat(first.get(3).isArray())
                .as("the features, in UciFeatures' order")
                .isTrue();
        assertThat(first.get(3).get(3).asInt()).isEqualTo(FEATURES.hr());
        int singles = batch.each().stream()
                .mapToInt(event -> EventJson.write(event).length())
                .sum();
        assertThat(EventJson.write(batch).length()).isLessThan(singles / 2);
    }
}
