package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.StandaloneService;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's "done when": the service starts and serves its last champion from its disk cache (read before the
 * registry, so it is ready at once) while PostgreSQL and the training service are down, and picks up the registry's
 * champion in the background once training is back. The service is started twice on the same cache directory, as a
 * restart would, against the real Kafka broker of the shared test infrastructure; the second start has a database URL
 * that nothing answers.
 */
class DiskCacheStartupTest {

    @TempDir
    Path cacheDirectory;

    @Test
    void servesTheLastChampionFromItsDiskCacheWhileTheDatabaseAndTrainingAreDown() throws IOException {
        Map<String, Object> body = Payloads.uci(TestModels.row(4_000));
        double v1Answer = TestModels.first().predict(TestModels.row(4_000).features());
        try (FakeTrainingRegistry training = FakeTrainingRegistry.start(TestModels.MODEL_NAME)) {
            long v1 = TestModels.registerChampion(training);

            try (ConfigurableApplicationContext firstLife = start(training)) {
                Http http = StandaloneService.http(firstLife);
                http.awaitReady();
                assertThat(http.post("/api/v1/predict", body)
                                .body()
                                .path("modelVersion")
                                .asLong())
                        .isEqualTo(v1);
            }
            assertThat(cacheDirectory.resolve("bike-demand-v" + v1 + ".artifact"))
                    .exists();

            training.stop();
            long v2 = TestModels.register(training, TestModels.second());
            training.setAlias(TestModels.CHAMPION, v2);

            try (ConfigurableApplicationContext secondLife = start(training)) {
                Http http = StandaloneService.http(secondLife);
                http.awaitReady();
                Http.Response answer = http.post("/api/v1/predict", body);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                assertThat(answer.body().path("modelVersion").asLong()).isEqualTo(v1);
                assertThat(answer.body().path("rawPrediction").asDouble()).isCloseTo(v1Answer, within(1e-9));
                // The cache is read before the registry, so the registry's failure may be reported just after.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode health = http.get("/actuator/health").body().path("components");
                    assertThat(health.path("registry").path("status").asString())
                            .isEqualTo("DOWN");
                    assertThat(health.path("registry")
                                    .path("details")
                                    .path("servedFrom")
                                    .asString())
                            .isEqualTo("disk cache");
                    assertThat(health.path("model")
                                    .path("details")
                                    .path("degraded")
                                    .toString())
                            .contains("registry unreachable")
                            .contains("the last champion from the disk cache");
                    assertThat(health.has("db")).isFalse();
                });
                assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

                training.restart();

                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(http.post("/api/v1/predict", body)
                                        .body()
                                        .path("modelVersion")
                                        .asLong())
                                .isEqualTo(v2));
                JsonNode recovered = http.get("/actuator/health").body().path("components");
                assertThat(recovered.path("registry").path("status").asString()).isEqualTo("UP");
                assertThat(recovered.path("registry").path("details").has("servedFrom"))
                        .isFalse();
            }
        }
    }

    private ConfigurableApplicationContext start(FakeTrainingRegistry training) throws IOException {
        return StandaloneService.start(
                training.baseUrl(),
                cacheDirectory,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort() + "/bikecast");
    }

    /** A port nothing listens on: the database a leftover BIKECAST_DB_URL would point at, down. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
