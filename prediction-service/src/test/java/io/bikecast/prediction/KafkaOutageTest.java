package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionEvents;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.StandaloneKafkaBroker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka goes away while predictions are made: they are all answered, without waiting on Kafka; the service stays
 * ready and says Kafka is down; the events wait in the buffer (its depth shows it) and every one of them arrives once
 * the broker is back. The producer's delivery timeout is shortened so that the outage outlasts it and the publisher's
 * own retry, not just the producer's, is exercised.
 */
@PredictionServiceTest(
        properties = {
            "spring.kafka.producer.properties.delivery.timeout.ms=3000",
            "spring.kafka.producer.properties.request.timeout.ms=1500",
            "spring.kafka.producer.properties.max.block.ms=1000",
            "bikecast.prediction.log.retry-backoff=100ms",
            "bikecast.prediction.log.max-retry-backoff=1s"
        })
class KafkaOutageTest {

    private static final StandaloneKafkaBroker BROKER = StandaloneKafkaBroker.startNew();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void losesNoPredictionLoggedEventWhileKafkaIsDown() {
        assertThat(bootstrapServers)
                .as("the service uses the standalone broker")
                .isEqualTo(BROKER.bootstrapServers());
        Http http = new Http(port);
        Set<UUID> answered = new HashSet<>();
        predict(http, 20, answered);

        BROKER.stop();
        long slowest = predict(http, 150, answered);

        assertThat(slowest).as("slowest prediction (ms) while Kafka is down").isLessThan(500);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response health = http.get("/actuator/health");
            JsonNode kafka = health.body().path("components").path("kafka").path("details");
            assertThat(kafka.path("logBufferCapacity").asInt()).isEqualTo(100_000);
            assertThat(kafka.path("logDropped").asLong()).isZero();
            assertThat(health.body()
                            .path("components")
                            .path("kafka")
                            .path("status")
                            .asString())
                    .isEqualTo("DOWN");
            assertThat(health.body()
                            .path("components")
                            .path("model")
                            .path("details")
                            .path("degraded")
                            .toString())
                    .contains("Kafka unreachable");
        });
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.metric("bikecast_prediction_log_buffer_depth")).isPositive();

        BROKER.start();

        try (PredictionEvents events = new PredictionEvents(bootstrapServers)) {
            var logged = events.awaitUntil(seen -> seen.keySet().containsAll(answered), Duration.ofSeconds(90));
            assertThat(logged.keySet()).containsAll(answered);
            assertThat(logged).hasSize(answered.size());
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                .body()
                                .path("components")
                                .path("kafka")
                                .path("status")
                                .asString())
                        .isEqualTo("UP"));
        assertThat(http.metric("bikecast_prediction_log_buffer_depth")).isZero();
    }

    /** Makes predictions, collecting their ids; returns the slowest one's time in ms. */
    private static long predict(Http http, int count, Set<UUID> answered) {
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Http.Response response = http.post("/api/v1/predict", Payloads.uci(TestModels.row(answered.size())));
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            answered.add(UUID.fromString(response.body().path("predictionId").asString()));
        }
        return slowest;
    }
}
