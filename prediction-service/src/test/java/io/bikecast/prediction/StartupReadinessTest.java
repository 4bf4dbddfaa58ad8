package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.StandaloneService;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.prediction.support.WithoutChampion;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15 point 8: start-up does not wait for a model. With the training service down and nothing in the disk cache,
 * the service starts, is live at once and not ready (Boot's readiness state {@code REFUSING_TRAFFIC}, {@code
 * /actuator/health/readiness} 503) and answers predictions with the no-champion problem, while it keeps trying the
 * registry in the background; once the registry is back with a champion the service loads it and becomes ready, with
 * neither a restart nor an event.
 */
class StartupReadinessTest {

    @TempDir
    Path cacheDirectory;

    @Test
    void isLiveAtOnceAndReadyOnceTheRegistryHasGivenItAChampion() {
        Map<String, Object> body = Payloads.uci(TestModels.row(4_000));
        try (FakeTrainingRegistry training = FakeTrainingRegistry.start(TestModels.MODEL_NAME)) {
            training.stop();

            try (ConfigurableApplicationContext service = StandaloneService.start(training.baseUrl(), cacheDirectory)) {
                ApplicationAvailability availability = service.getBean(ApplicationAvailability.class);
                Http http = StandaloneService.http(service);

                assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
                assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
                WithoutChampion.assertLiveButNotReady(http);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(http.health("registry")
                                        .path("details")
                                        .path("error")
                                        .asString())
                                .contains(training.baseUrl()));
                WithoutChampion.assertLiveButNotReady(http);

                long champion = TestModels.registerChampion(training);
                training.restart();

                http.awaitReady();
                assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
                Http.Response answer = http.post("/api/v1/predict", body);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                assertThat(answer.body().path("modelVersion").asLong()).isEqualTo(champion);
            }
        }
    }
}
