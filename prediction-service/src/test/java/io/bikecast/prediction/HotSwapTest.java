package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.prediction.serving.Lifecycle;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionEvents;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A promotion under concurrent load: the new version's artifact is downloaded once from the training service's
 * registry, no request fails, every answer names the version that computed it (checked against that version's own
 * forest), each client switches from v1 to v2 once and never back, and every answer is logged as a prediction-logged
 * event.
 */
@PredictionServiceTest
class HotSwapTest {

    private static final int CLIENTS = 6;

    @Autowired
    private FakeTrainingRegistry training;

    /** One answer as a client saw it. */
    record Seen(int client, int row, int status, long version, double raw, String predictionId) {}

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher events;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void swapsToThePromotedVersionWithoutFailingOrMislabellingARequest() throws Exception {
        Lifecycle.awaitListening(listeners);
        Http http = new Http(port);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Seen>>> perClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            perClient.add(clients.submit(() -> {
                List<Seen> mine = new ArrayList<>();
                for (int i = 0; !stop.get(); i++) {
                    int row = (client * 2_000 + i * 7) % 17_000;
                    Map<String, Object> body = Payloads.uci(TestModels.row(row));
                    body.put("clientKey", "client-" + client);
                    Http.Response response = http.post("/api/v1/predict", body);
                    Seen one = response.status() == 200
                            ? new Seen(
                                    client,
                                    row,
                                    200,
                                    response.body().path("modelVersion").asLong(),
                                    response.body().path("rawPrediction").asDouble(),
                                    response.body().path("predictionId").asString())
                            : new Seen(client, row, response.status(), -1, Double.NaN, null);
                    mine.add(one);
                    seen.add(one);
                }
                return mine;
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() > 300);

        long v2 = TestModels.register(training, TestModels.second());
        training.setAlias(TestModels.CHAMPION, v2);
        events.publish(TestModels.promoted(training, v2, TestModels.CHAMPION, 1L))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> seen.stream().filter(s -> s.version() == v2).count() > 300);
        stop.set(true);
        List<List<Seen>> results = new ArrayList<>();
        for (Future<List<Seen>> future : perClient) {
            results.add(future.get());
        }
        clients.shutdown();

        List<Seen> all = results.stream().flatMap(List::stream).toList();
        assertThat(all).allSatisfy(s -> assertThat(s.status()).as("status").isEqualTo(200));
        assertThat(all).extracting(Seen::version).containsOnly(1L, v2).contains(1L, v2);
        for (Seen s : all) {
            double expected = (s.version() == 1 ? TestModels.first() : TestModels.second())
                    .predict(TestModels.row(s.row()).features());
            assertThat(s.raw())
                    .as("answer of v%d for row %d", s.version(), s.row())
                    .isCloseTo(expected, within(1e-9));
        }
        for (List<Seen> client : results) {
            int firstV2 = indexOfFirst(client, v2);
            assertThat(firstV2).as("client switched to v2").isNotNegative();
            assertThat(client.subList(firstV2, client.size()))
                    .as("never back to v1 after the swap")
                    .allSatisfy(s -> assertThat(s.version()).isEqualTo(v2));
        }
        assertThat(training.downloads(v2)).as("downloads of v2's artifact").isEqualTo(1);
        assertThat(new Http(port)
                        .get("/api/v1/models/active")
                        .body()
                        .path("champion")
                        .path("version")
                        .asLong())
                .isEqualTo(v2);

        Set<UUID> answered =
                all.stream().map(s -> UUID.fromString(s.predictionId())).collect(Collectors.toSet());
        try (PredictionEvents logged = new PredictionEvents(bootstrapServers)) {
            Map<UUID, PredictionLogged> events =
                    logged.awaitUntil(byId -> byId.keySet().containsAll(answered), Duration.ofSeconds(60));
            assertThat(events.keySet()).containsAll(answered);
            for (Seen s : all) {
                assertThat(events.get(UUID.fromString(s.predictionId())).modelVersion())
                        .isEqualTo(s.version());
            }
        }
    }

    private static int indexOfFirst(List<Seen> client, long version) {
        for (int i = 0; i < client.size(); i++) {
            if (client.get(i).version() == version) {
                return i;
            }
        }
        return -1;
    }
}
