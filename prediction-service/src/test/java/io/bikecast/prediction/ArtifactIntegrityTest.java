package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.model.ModelArtifacts;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Lifecycle;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A promoted version whose artifact is not the one announced is never served: neither when the registry describes
 * another artifact than the model-promoted event announced, nor when the download's bytes differ from both. The old
 * champion keeps serving, health says why, nothing of the refused version reaches the disk cache, and once the
 * registry serves the announced artifact the version is loaded and served.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bikecast.prediction.registry-refresh-interval=10m")
@RealInfrastructure
class ArtifactIntegrityTest {

    private static final FakeTrainingRegistry TRAINING = FakeTrainingRegistry.start(TestModels.MODEL_NAME);
    private static final long V1 = TestModels.registerChampion(TRAINING);
    private static final long V2 = TestModels.register(TRAINING, TestModels.second());

    @DynamicPropertySource
    static void training(DynamicPropertyRegistry properties) {
        TestModels.configure(TRAINING, properties);
    }

    @AfterAll
    static void stopTraining() {
        TRAINING.close();
    }

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

        // The event announces one artifact, the registry describes another: refused before any download.
        TRAINING.setAlias(TestModels.CHAMPION, V2);
        String announced =
                ModelArtifacts.sha256("an artifact the registry does not have".getBytes(StandardCharsets.UTF_8));
        events.publish(TestModels.promoted(V2, TestModels.CHAMPION, announced, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(registryError(http)).contains("model-promoted event announced " + announced));
        assertServesV1(http, body);
        assertThat(TRAINING.downloads(V2)).isZero();

        // The event and the registry agree, but the bytes downloaded are another artifact: refused after download.
        TRAINING.serveArtifactInstead(V2, TestModels.first().artifact());
        events.publish(TestModels.promoted(TRAINING, V2, TestModels.CHAMPION, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(registryError(http)).contains(TRAINING.sha256(V2) + " was expected; refusing it"));
        assertServesV1(http, body);
        assertThat(TRAINING.downloads(V2)).isPositive();
        assertThat(cacheDirectory.resolve("bike-demand-v" + V2 + ".artifact")).doesNotExist();

        // The registry serves the announced artifact: the promotion goes through.
        TRAINING.serveTheRealArtifact(V2);
        events.publish(TestModels.promoted(TRAINING, V2, TestModels.CHAMPION, V1))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.post("/api/v1/predict", body)
                                .body()
                                .path("modelVersion")
                                .asLong())
                        .isEqualTo(V2));
        assertThat(http.post("/api/v1/predict", body)
                        .body()
                        .path("rawPrediction")
                        .asDouble())
                .isCloseTo(
                        TestModels.second().predict(TestModels.row(4_000).features()),
                        org.assertj.core.api.Assertions.within(1e-9));
        assertThat(cacheDirectory.resolve("bike-demand-v" + V2 + ".artifact")).exists();
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

    private static String registryError(Http http) {
        return http.get("/actuator/health")
                .body()
                .path("components")
                .path("registry")
                .path("details")
                .path("error")
                .asString();
    }
}
