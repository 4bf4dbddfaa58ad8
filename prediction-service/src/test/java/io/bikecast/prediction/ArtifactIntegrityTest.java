package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.model.ModelArtifacts;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.prediction.serving.Lifecycle;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A promoted version whose artifact is not the one announced is never served: neither when the registry describes
 * another artifact than the model-promoted event announced, nor when the download's bytes differ from both. The old
 * champion keeps serving, health and {@code bikecast.prediction.model.refused} say why, nothing of the refused version
 * reaches the disk cache, and once the registry serves the announced artifact the version is loaded and served.
 */
@PredictionServiceTest
class ArtifactIntegrityTest {

    /** The champion the service serves when the test starts. */
    private static final long V1 = 1;

    @Autowired
    private FakeTrainingRegistry training;

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher events;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Value("${bikecast.prediction.registry.cache-directory}")
    private Path cacheDirectory;

    @Test
    void refusesAnArtifactThatDoesNotMatchThePromotionAndKeepsServingTheOldChampion() throws Exception {
        Http http = new Http(port);
        Map<String, Object> body = Payloads.uci(TestModels.row(4_000));
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("modelVersion")
                        .asLong())
                .isEqualTo(V1);
        Lifecycle.awaitListening(listeners);
        long v2 = TestModels.register(training, TestModels.second());

        // The event announces one artifact, the registry describes another: refused before any download.
        training.setAlias(TestModels.CHAMPION, v2);
        String announced =
                ModelArtifacts.sha256("an artifact the registry does not have".getBytes(StandardCharsets.UTF_8));
        events.publish(TestModels.promoted(v2, TestModels.CHAMPION, announced, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(registryError(http)).contains("model-promoted event announced " + announced));
        assertServesV1(http, body);
        assertThat(training.downloads(v2)).isZero();
        assertThat(refusedForItsChecksum(http)).isPositive();

        // The event and the registry agree, but the bytes downloaded are another artifact: refused after download.
        training.serveArtifactInstead(v2, TestModels.first().artifact());
        events.publish(TestModels.promoted(training, v2, TestModels.CHAMPION, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(registryError(http)).contains(training.sha256(v2) + " was expected; refusing it"));
        assertServesV1(http, body);
        assertThat(training.downloads(v2)).isPositive();
        assertThat(cacheDirectory.resolve("bike-demand-v" + v2 + ".artifact")).doesNotExist();

        // The registry serves the announced artifact: the promotion goes through.
        training.serveTheRealArtifact(v2);
        events.publish(TestModels.promoted(training, v2, TestModels.CHAMPION, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.post("/api/v1/predict", body)
                                .body()
                                .path("modelVersion")
                                .asLong())
                        .isEqualTo(v2));
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("rawPrediction")
                        .asDouble())
                .isCloseTo(
                        TestModels.second().predict(TestModels.row(4_000).features()),
                        org.assertj.core.api.Assertions.within(1e-9));
        assertThat(cacheDirectory.resolve("bike-demand-v" + v2 + ".artifact")).exists();
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    private static void assertServesV1(Http http, Map<String, Object> body) {
        Http.Response answer = http.post("/api/v1/predict", body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("modelVersion").asLong()).isEqualTo(V1);
        assertThat(http.get("/api/v1/models/active")
                        .body()
                        .path("champion")
                        .path("version")
                        .asLong())
                .isEqualTo(V1);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health")
                        .body()
                        .path("components")
                        .path("model")
                        .path("details")
                        .path("degraded")
                        .toString())
                .contains("serving the model in hand");
    }

    private static double refusedForItsChecksum(Http http) {
        return http.metric("bikecast_prediction_model_refused_total", "reason=\"checksum\"");
    }

    private static String registryError(Http http) {
        return http.health("registry").path("details").path("error").asString();
    }
}
