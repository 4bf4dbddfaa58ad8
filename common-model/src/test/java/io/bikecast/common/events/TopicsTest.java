package io.bikecast.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.UciFeatures;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopicsTest {

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
                DriftDetected.of("demand", 3, UUID.randomUUID(), "dataset drift", List.of("temp", "hum"), 0.5));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void travelsOnTheOneTopicThatCarriesItsType(BikecastEvent event) {
        assertThat(Topics.ALL)
                .filteredOn(topic -> topic.carries(event.getClass()))
                .hasSize(1);
        assertThat(event.topic()).startsWith("bikecast.");
        assertThat(event.key()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void everyEventTypeHasATopic() {
        for (Class<?> type : BikecastEvent.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends BikecastEvent> eventType = (Class<? extends BikecastEvent>) type;
            assertThat(Topics.topicOf(eventType)).as(type.getSimpleName()).isNotBlank();
        }
    }
}
