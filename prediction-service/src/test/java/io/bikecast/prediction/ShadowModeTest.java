package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionEvents;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.Serves;
import io.bikecast.prediction.support.TestModels;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In shadow mode the challenger predicts every request too: its answers are logged with shadow = true, never returned. */
@PredictionServiceTest(
        serves = Serves.CHAMPION_AND_CHALLENGER,
        properties = "bikecast.prediction.challenger.mode=SHADOW")
class ShadowModeTest {

    private static final int REQUESTS = 40;

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void logsTheChallengersShadowPredictionNextToEveryChampionAnswer() {
        Http http = new Http(port);
        Map<UUID, Integer> rowOfPrediction = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            int row = 500 + i * 97;
            Map<String, Object> body = Payloads.uci(TestModels.row(row));
            body.put(
                    "hour",
                    TestModels.row(row)
                            .dteday()
                            .atTime(TestModels.row(row).hr(), 0)
                            .toString());
            body.put("seriesId", "system");
            Http.Response response = http.post("/api/v1/predict", body);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.body().path("servedBy").asString()).isEqualTo("CHAMPION");
            assertThat(response.body().path("modelVersion").asLong()).isEqualTo(1);
            rowOfPrediction.put(
                    UUID.fromString(response.body().path("predictionId").asString()), row);
        }

        try (PredictionEvents events = new PredictionEvents(bootstrapServers)) {
            Map<UUID, PredictionLogged> logged =
                    events.awaitUntil(seen -> seen.size() >= 2 * REQUESTS, Duration.ofSeconds(30));

            assertThat(logged).hasSize(2 * REQUESTS);
            rowOfPrediction.forEach((id, row) -> {
                PredictionLogged answered = logged.get(id);
                assertThat(answered.shadow()).isFalse();
                assertThat(answered.servedBy()).isEqualTo(ServedBy.CHAMPION);
                assertThat(answered.modelVersion()).isEqualTo(1);
                assertThat(answered.hour())
                        .isEqualTo(TestModels.row(row)
                                .dteday()
                                .atTime(TestModels.row(row).hr(), 0));
                assertThat(answered.features()).isEqualTo(TestModels.row(row).features());

                PredictionLogged shadow = logged.get(Predictor.shadowId(id));
                assertThat(shadow).as("shadow of %s", id).isNotNull();
                assertThat(shadow.shadow()).isTrue();
                assertThat(shadow.servedBy()).isEqualTo(ServedBy.CHALLENGER);
                assertThat(shadow.modelVersion()).isEqualTo(2);
                assertThat(shadow.prediction())
                        .isCloseTo(
                                TestModels.second().predict(TestModels.row(row).features()), within(1e-9));
                assertThat(shadow.features()).isEqualTo(answered.features());
            });
        }
    }
}
