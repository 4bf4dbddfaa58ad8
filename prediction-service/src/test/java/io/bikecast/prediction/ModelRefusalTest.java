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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A model that cannot be served is refused, with the reason in the log, in {@code registry} health and in {@code
 * bikecast.prediction.model.refused}, and the service never goes down for it: without a champion it stays up and not
 * ready until a usable one is registered; with one it keeps serving it. (A wrong checksum: {@link
 * ArtifactIntegrityTest}.)
 */
@PredictionServiceTest(serves = Serves.NOTHING, properties = "bikecast.prediction.registry.max-artifact-size=1MB")
class ModelRefusalTest {

    @Autowired
    private FakeTrainingRegistry training;

    @Autowired
    private EventPublisher events;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    private int port;

    @Test
    void refusesAModelItCannotServeSayingWhyAndKeepsRunning() throws Exception {
        Http http = new Http(port);
        Map<String, Object> body = Payloads.uci(TestModels.row(4_000));

        // A champion whose artifact has its recorded checksum but is not a model: the service stays up, not ready.
        long unreadable = training.register(
                "not a model".getBytes(StandardCharsets.UTF_8),
                TestModels.first().sample(),
                TestModels.METRICS);
        training.setAlias(TestModels.CHAMPION, unreadable);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(refusals(http, "unreadable")).isPositive());
        assertThat(registryError(http)).contains("does not read as a Tribuo regression model");
        WithoutChampion.assertLiveButNotReady(http);

        // A usable champion: picked up by the retries, served, ready.
        long usable = TestModels.registerChampion(training);
        http.awaitReady();
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("modelVersion")
                        .asLong())
                .isEqualTo(usable);

        // A promoted version larger than max-artifact-size: refused before its download; the champion keeps serving.
        Lifecycle.awaitListening(listeners);
        long tooLarge =
                training.register(new byte[2_000_000], TestModels.first().sample(), TestModels.METRICS);
        training.setAlias(TestModels.CHAMPION, tooLarge);
        events.publish(TestModels.promoted(training, tooLarge, TestModels.CHAMPION, usable))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(refusals(http, "too-large")).isPositive());
        assertThat(registryError(http)).contains("bikecast.prediction.registry.max-artifact-size");
        assertThat(training.downloads(tooLarge)).isZero();
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("modelVersion")
                        .asLong())
                .isEqualTo(usable);
    }

    private static double refusals(Http http, String reason) {
        return http.metric("bikecast_prediction_model_refused_total", "reason=\"" + reason + "\"");
    }

    private static String registryError(Http http) {
        return http.health("registry").path("details").path("error").asString();
    }
}
