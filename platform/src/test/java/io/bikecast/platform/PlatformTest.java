package io.bikecast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.Topics;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the platform gives every service, checked on a minimal service against real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    EventPublisher publisher;

    @Autowired
    PlatformTestApplication.FlakyActualsListener listener;

    @Autowired
    PlatformTestApplication.PoisonSensitiveListener lifecycle;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void readsTheServicesOwnConfigurationFileNamedByBikecastService() {
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("platform-test");
    }

    @Test
    void appliesPlatformDefaultsUnderTheServicesOwnSettings() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.consumer.client-id")).isEqualTo("platform-test-client");
    }

    @Test
    void namesEveryInvalidFieldInAProblemResponse() throws Exception {
        HttpResponse<String> response = post("/api/v1/readings", "{\"hr\": 24, \"temp\": 1.5}", "test-key");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/invalid-request");
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/readings");
        assertThat(problem.has("cause")).isFalse();
        assertThat(fields(problem)).containsExactly("hr", "temp");
        assertThat(problem.path("errors").path(0).path("rejectedValue").asInt()).isEqualTo(24);
    }

    @Test
    void namesAnUnknownFieldAWrongTypeAndMalformedJson() throws Exception {
        JsonNode unknown =
                JSON.readTree(post("/api/v1/readings", "{\"hr\": 3, \"temp\": 0.5, \"colour\": \"red\"}", "test-key")
                        .body());
        assertThat(fields(unknown)).containsExactly("colour");
        assertThat(unknown.path("errors").path(0).path("reason").asString()).contains("unknown field");

        JsonNode wrongType = JSON.readTree(post("/api/v1/readings", "{\"hr\": \"eight\", \"temp\": 0.5}", "test-key")
                .body());
        assertThat(fields(wrongType)).containsExactly("hr");
        assertThat(wrongType.path("errors").path(0).path("reason").asString()).contains("wrong type");

        HttpResponse<String> malformed = post("/api/v1/readings", "{\"hr\": 3,", "test-key");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body())
                        .path("errors")
                        .path(0)
                        .path("reason")
                        .asString())
                .startsWith("malformed JSON");
    }

    @Test
    void answersAProblemExceptionWithItsStatusAndDetail() throws Exception {
        HttpResponse<String> response = get("/api/v1/readings/42");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(problem.path("title").asString()).isEqualTo("Not found");
        assertThat(problem.path("detail").asString()).isEqualTo("there is no reading 42");
    }

    @Test
    void answersAnUnexpectedErrorAs500ProblemWithAnIdAndNoInternals() throws Exception {
        HttpResponse<String> response = get("/api/v1/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/internal-error");
        assertThat(problem.path("detail").asString())
                .matches("An unexpected error occurred; it is logged as [0-9a-f-]{36}\\.");
        assertThat(response.body())
                .doesNotContain("hunter2")
                .doesNotContain("jdbc")
                .doesNotContain("IllegalState");
    }

    @Test
    void givesSpringsOwnProblemsTheGenericTypeOfTheirStatus() throws Exception {
        HttpResponse<String> unknownPath = get("/api/v1/nothing-here");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPath.body()).path("type").asString())
                .isEqualTo("https://bikecast.io/problems/not-found");

        HttpResponse<String> wrongType = get("/api/v1/hours?hr=noon");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(wrongType.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/invalid-request");
        assertThat(fields(problem)).containsExactly("hr");

        HttpResponse<String> missing = get("/api/v1/hours");
        assertThat(fields(JSON.readTree(missing.body()))).containsExactly("hr");
    }

    @Test
    void validatesRequestParameters() throws Exception {
        HttpResponse<String> response = get("/api/v1/hours?hr=25");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(response.body()))).containsExactly("hr");
    }

    @Test
    void refusesMutatingRequestsWithoutTheRightApiKey() throws Exception {
        String body = "{\"hr\": 3, \"temp\": 0.5}";

        HttpResponse<String> missing = post("/api/v1/readings", body, null);
        HttpResponse<String> wrong = post("/api/v1/readings", body, "guess");
        HttpResponse<String> right = post("/api/v1/readings", body, "test-key");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(missing.body()).path("detail").asString()).contains("X-API-Key");
        assertThat(JSON.readTree(missing.body()).path("type").asString())
                .isEqualTo("https://bikecast.io/problems/unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("test-key");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/readings/7").statusCode())
                .as("reads are not guarded")
                .isEqualTo(404);
    }

    @Test
    void publishesAnEventToItsTopicKeyedAndTypedInThePayload() throws Exception {
        ActualObserved event = ActualObserved.of("system", LocalDateTime.of(2012, 5, 1, 8, 0), 412, "ingest");

        publisher.publish(event).get(30, TimeUnit.SECONDS);

        ConsumerRecord<String, String> record =
                readOne(Topics.ACTUALS.name(), event.eventId().toString());
        assertThat(record.key()).isEqualTo("system");
        assertThat(record.headers().headers("__TypeId__")).isEmpty();
        assertThat(JSON.readTree(record.value()).path("type").asString()).isEqualTo("actual-observed");
    }

    @Test
    void retriesAFailingListenerUntilItSucceedsAndSendsUnreadableRecordsToTheDeadLetterTopic() throws Exception {
        sendRaw(Topics.ACTUALS.name(), "not json at all");
        ActualObserved event = ActualObserved.of("system", LocalDateTime.of(2012, 5, 1, 9, 0), 13, "ingest");
        publisher.publish(event).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.processed.contains(event));
        assertThat(listener.attempts.get()).isGreaterThanOrEqualTo(3);
        ConsumerRecord<String, String> parked = readOne(Topics.ACTUALS.name() + ".dlt", "not json at all");
        assertThat(parked.value()).isEqualTo("not json at all");
        assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.ACTUALS.name());
        assertThat(header(parked, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
    }

    /** Issue 15, point 5: a record its listener can never process is parked with a trace, and the next one goes on. */
    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAfterItsAttemptsAndTheRecordsBehindItAreProcessed() throws Exception {
        TrainingFailed poison = TrainingFailed.of("poison", UUID.randomUUID(), "bad", TriggerSource.API);
        TrainingFailed next = TrainingFailed.of("healthy", UUID.randomUUID(), "fine", TriggerSource.API);
        publisher.publish(poison).get(30, TimeUnit.SECONDS);
        publisher.publish(next).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.processed.contains(next));
        assertThat(lifecycle.poisonAttempts.get()).isEqualTo(4);
        ConsumerRecord<String, String> parked =
                readOne(Topics.MODEL_LIFECYCLE.name() + ".dlt", poison.eventId().toString());
        assertThat(header(parked, "kafka_dlt-exception-message")).contains("this event can never be processed");
        assertThat(header(parked, "kafka_dlt-exception-stacktrace")).contains("PoisonSensitiveListener");
        assertThat(meters.get("bikecast.kafka.dead.letters")
                        .tag("topic", Topics.MODEL_LIFECYCLE.name())
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, String> readOne(String topic, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "platform-test-reader-" + eventId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(eventId)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " never arrived on " + topic);
    }

    private void sendRaw(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "system", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
