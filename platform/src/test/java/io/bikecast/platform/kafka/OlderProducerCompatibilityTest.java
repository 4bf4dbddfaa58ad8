package io.bikecast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reads events as an older producer wrote them, by hand, in {@code src/test/resources/events/older-producer}: no
 * schema version, no optional fields, and fields this version does not know. Each must still be read, with the
 * missing fields defaulted.
 */
class OlderProducerCompatibilityTest {

    @Test
    void actualObservedWithoutSchemaVersionOrSourceGetsDefaults() throws IOException {
        ActualObserved event = (ActualObserved) read("actual-observed.json");

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.source()).isEqualTo("ingest");
        assertThat(event.seriesId()).isEqualTo("system");
        assertThat(event.hour()).isEqualTo(LocalDateTime.of(2011, 1, 1, 5, 0));
        assertThat(event.count()).isEqualTo(1);
        assertThat(event.eventId()).isEqualTo(UUID.fromString("6f1d9a52-2f4b-4c55-9b51-0d4a1f1c2b01"));
    }

    @Test
    void predictionLoggedWithUnknownFieldsAndNoShadowFlagIsRead() throws IOException {
        PredictionLogged event = (PredictionLogged) read("prediction-logged.json");

        assertThat(event.shadow()).isFalse();
        assertThat(event.servedBy()).isEqualTo(ServedBy.CHAMPION);
        assertThat(event.seriesId()).isEqualTo("system");
        assertThat(event.predictedAt()).isEqualTo(event.occurredAt());
        assertThat(event.features().temp()).isEqualTo(0.24);
        assertThat(event.modelVersion()).isEqualTo(1);
    }

    @Test
    void modelPromotedWithoutAliasOrPreviousVersionIsAChampionPromotion() throws IOException {
        ModelPromoted event = (ModelPromoted) read("model-promoted.json");

        assertThat(event.isChampion()).isTrue();
        assertThat(event.previousVersion()).isNull();
        assertThat(event.reason()).isEqualTo("unspecified");
        assertThat(event.artifactSha256()).hasSize(64);
    }

    @Test
    void trainingRequestedWithoutSourceCountsAsARequestFromTheApi() throws IOException {
        TrainingRequested event = (TrainingRequested) read("training-requested.json");

        assertThat(event.source()).isEqualTo(TriggerSource.API);
        assertThat(event.driftReportId()).isNull();
        assertThat(event.reason()).isEqualTo("weekly refresh");
    }

    @Test
    void driftDetectedWithoutFeatureListHasAnEmptyOne() throws IOException {
        DriftDetected event = (DriftDetected) read("drift-detected.json");

        assertThat(event.driftedFeatures()).isEmpty();
        assertThat(event.eventId()).isNotNull();
    }

    private static BikecastEvent read(String fixture) throws IOException {
        try (InputStream in =
                OlderProducerCompatibilityTest.class.getResourceAsStream("/events/older-producer/" + fixture)) {
            assertThat(in).as("fixture %s", fixture).isNotNull();
            return EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
