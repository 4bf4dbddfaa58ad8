package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.prediction.serving.Lifecycle;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.Serves;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.prediction.support.WithoutChampion;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Before any champion exists the service refuses honestly (503, not ready); the first promotion makes it serve without
 * a restart; and when the training service's registry then stops answering it keeps serving the model in hand, stays
 * ready, and says so in health.
 */
@PredictionServiceTest(serves = Serves.NOTHING)
class NoChampionTest {

    /** A registry that names no champion yet. */
    @Autowired
    private FakeTrainingRegistry training;

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher events;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void answers503UntilAChampionIsPromotedThenServesIt() throws Exception {
        Http http = new Http(port);
        Map<String, Object> body = Payloads.uci(TestModels.row(100));

        Http.Response refused = http.post("/api/v1/predict", body);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("type").asString()).isEqualTo("https://bikecast.io/problems/no-champion");
        assertThat(refused.body().path("title").asString()).isEqualTo("No champion model");
        assertThat(refused.body().path("modelName").asString()).isEqualTo("bike-demand");
        assertThat(refused.body().path("detail").asString()).contains("No champion of model 'bike-demand'");
        assertThat(refused.body().has("predictedCount")).isFalse();
        assertThat(http.get("/predict?hr=8").status()).isEqualTo(503);
        assertThat(http.post("/api/v1/predict/batch", Map.of("rows", java.util.List.of(body)))
                        .status())
                .isEqualTo(503);
        WithoutChampion.assertLiveButNotReady(http);
        assertThat(http.get("/api/v1/models/active").body().path("champion").isNull())
                .isTrue();

        Lifecycle.awaitListening(listeners);
        long version = TestModels.registerChampion(training);
        events.publish(TestModels.promoted(training, version, TestModels.CHAMPION, null))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(http.post("/api/v1/predict", body).status()).isEqualTo(200));
        Http.Response served = http.post("/api/v1/predict", body);
        assertThat(served.body().path("modelVersion").asLong()).isEqualTo(version);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        // The registry stops answering: the model in hand keeps serving, and health says what is degraded.
        training.answer(false);
        events.publish(TestModels.promoted(training, version, TestModels.CHAMPION, null))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                .body()
                                .path("components")
                                .path("model")
                                .path("details")
                                .path("degraded")
                                .toString())
                        .contains("registry unreachable"));
        Http.Response health = http.get("/actuator/health");
        assertThat(health.body()
                        .path("components")
                        .path("registry")
                        .path("status")
                        .asString())
                .isEqualTo("DOWN");
        assertThat(health.body()
                        .path("components")
                        .path("registry")
                        .path("details")
                        .path("url")
                        .asString())
                .isEqualTo(training.baseUrl());
        assertThat(health.body().path("components").path("model").path("status").asString())
                .isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("modelVersion")
                        .asLong())
                .isEqualTo(version);

        training.answer(true);
        events.publish(TestModels.promoted(training, version, TestModels.CHAMPION, null))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                .body()
                                .path("components")
                                .path("model")
                                .path("details")
                                .has("degraded"))
                        .isFalse());
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
