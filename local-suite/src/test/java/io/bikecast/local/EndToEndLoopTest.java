package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import io.bikecast.common.events.Topics;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's heartbeat: the whole suite on embedded PostgreSQL and Kafka runs the loop a bike-share operator
 * relies on. 2011 is ingested and the first model trained and promoted; 2012 is replayed hour by hour with a
 * prediction for each hour; monitoring sees the inputs drift and the error grow, alerts Slack and Discord, and asks for
 * retraining; the training service trains on the larger window and promotes a new champion; the prediction service
 * answers with it. Each step is asserted, and the time from the first replayed (drifted) hour to the new champion
 * answering is printed.
 */
class EndToEndLoopTest {

    private static final String API_KEY = "e2e-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void driftInTheReplayedYearLeadsToANewChampionThatServesPredictions() throws Exception {
        List<HourRow> hours = UciDataset.hours();
        Map<LocalDateTime, HourRow> byHour =
                hours.stream().collect(Collectors.toMap(EndToEndLoopTest::hourOf, Function.identity()));
        try (WebhookRecorder slack = new WebhookRecorder();
                WebhookRecorder discord = new WebhookRecorder();
                RunningSuite suite = RunningSuite.start(settings(slack, discord))) {
            String ingest = suite.baseUrl("ingest-service");
            String training = suite.baseUrl("training-service");
            String prediction = suite.baseUrl("prediction-service");
            String monitoring = suite.baseUrl("monitoring-service");

            JsonNode year2011 = postCsv(ingest + "/api/v1/ingest/csv", csvOf(hours, 2011));
            assertThat(year2011.path("rowsAccepted").asInt()).isEqualTo(8645);
            assertThat(year2011.path("rowsRejected").asInt()).isZero();

            postJson(training + "/api/v1/training-runs", "{\"reason\": \"first model, trained on 2011\"}", 202);
            JsonNode first = await("the first champion", () -> champion(training), node -> node != null);
            long firstVersion = first.path("version").asLong();
            await(
                    "the prediction service to serve the first champion",
                    () -> getJson(prediction + "/api/v1/models/active"),
                    active -> active.path("champion").path("version").asLong() == firstVersion);
            JsonNode firstAnswer = predict(prediction, byHour.get(LocalDateTime.of(2011, 12, 1, 8, 0)));
            assertThat(firstAnswer.path("modelVersion").asLong()).isEqualTo(firstVersion);
            assertThat(firstAnswer.path("predictedCount").asLong()).isNotNegative();

            // 2012 is stored as history without announcing its actuals: the replay announces them hour by hour.
            JsonNode year2012 = postCsv(ingest + "/api/v1/ingest/csv?announceActuals=false", csvOf(hours, 2012));
            assertThat(year2012.path("rowsAccepted").asInt()).isEqualTo(8734);

            try (KafkaConsumer<String, String> actuals = replayedActuals(suite.kafkaBootstrapServers())) {
                JsonNode replay = postJson(
                        ingest + "/api/v1/replays",
                        "{\"seriesId\": \"system\", \"from\": \"2012-01-01T00:00:00\","
                                + " \"to\": \"2013-01-01T00:00:00\", \"paceMillis\": 25}",
                        201);
                long firstDriftedHourAt = 0;
                long newChampionAnsweredAt = 0;
                long newVersion = -1;
                int predictions = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (newChampionAnsweredAt == 0 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : actuals.poll(Duration.ofMillis(200))) {
                        BikecastEvent event = EventJson.read(record.value());
                        if (!(event instanceof ActualObserved actual) || !"replay".equals(actual.source())) {
                            continue;
                        }
                        if (firstDriftedHourAt == 0) {
                            firstDriftedHourAt = System.nanoTime();
                        }
                        JsonNode answer = predict(prediction, byHour.get(actual.hour()));
                        predictions++;
                        if (answer.path("modelVersion").asLong() != firstVersion && newChampionAnsweredAt == 0) {
                            newChampionAnsweredAt = System.nanoTime();
                            newVersion = answer.path("modelVersion").asLong();
                            break;
                        }
                    }
                }
                postJson(ingest + "/api/v1/replays/" + replay.path("id").asString() + "/stop", "", 200);

                assertThat(newChampionAnsweredAt)
                        .as(
                                "a new champion answered within 10 minutes of replaying 2012 (%d predictions made)",
                                predictions)
                        .isPositive();
                Duration driftToNewChampion = Duration.ofNanos(newChampionAnsweredAt - firstDriftedHourAt);
                System.out.printf(
                        "%nEND-TO-END: first drifted hour replayed -> new champion v%d answering: %.1f s"
                                + " (%d hourly predictions on the way)%n%n",
                        newVersion, driftToNewChampion.toMillis() / 1000.0, predictions);

                JsonNode drifted = getJson(monitoring + "/api/v1/drift/reports?size=100")
                        .path("items")
                        .valueStream()
                        .filter(report -> "DRIFT".equals(report.path("verdict").asString()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no drift report found dataset drift"));
                assertThat(drifted.toString()).contains("\"yr\"");
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(monitoring + "/api/v1/drift/reports/"
                                + drifted.path("id").asString() + "/html"))
                        .build());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<svg");
                JsonNode retraining = getJson(training + "/api/v1/training-runs")
                        .path("items")
                        .valueStream()
                        .filter(run -> "drift".equals(run.path("trigger").asString()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no training run was triggered by drift"));
                assertThat(retraining.path("status").asString()).isEqualTo("succeeded");
                assertThat(retraining.path("reason").asString()).contains("dataset drift");
                assertThat(retraining.path("modelVersion").asLong()).isEqualTo(newVersion);
                assertThat(retraining.path("trainingEnd").asString())
                        .as("the retraining learnt from the larger window, into 2012")
                        .startsWith("2012");
                JsonNode champion = champion(training);
                assertThat(champion.path("version").asLong())
                        .isEqualTo(newVersion)
                        .isGreaterThan(firstVersion);
                assertThat(slack.bodies())
                        .anySatisfy(body -> assertThat(body).contains("blocks").containsIgnoringCase("drift"));
                assertThat(discord.bodies())
                        .anySatisfy(body -> assertThat(body).contains("embeds").containsIgnoringCase("drift"));
            }

            assertEveryMetricTheDashboardsAndAlertsQueryIsExported(suite);
        }
    }

    /** After the loop every meter has been touched; each name Grafana or Prometheus queries must really be scraped. */
    private void assertEveryMetricTheDashboardsAndAlertsQueryIsExported(RunningSuite suite) throws Exception {
        java.util.Set<String> exported = new java.util.TreeSet<>();
        for (ServiceDefinition service : suite.services()) {
            HttpResponse<String> scrape =
                    send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                            .build());
            assertThat(scrape.statusCode()).isEqualTo(200);
            exported.addAll(DeploymentFiles.exposedMetricNames(scrape.body()));
        }
        assertThat(exported).containsAll(DeploymentFiles.queriedMetricNames());
    }

    private SuiteSettings settings(WebhookRecorder slack, WebhookRecorder discord) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bikecast.monitoring.alerts.slack-webhook-url", slack.url());
        properties.put("bikecast.monitoring.alerts.discord-webhook-url", discord.url());
        properties.put("bikecast.monitoring.alerts.dispatch-interval", "500ms");
        properties.put("bikecast.monitoring.drift.initial-delay", "2s");
        properties.put("bikecast.monitoring.drift.check-interval", "3s");
        properties.put("bikecast.monitoring.drift.window-size", "300");
        properties.put("bikecast.monitoring.drift.min-current-size", "150");
        // A window of a few hundred consecutive winter hours moves the calendar and temperature features of 12:
        // about 5 of them, so dataset drift is declared at 40% here instead of the default 50%.
        properties.put("bikecast.monitoring.drift.dataset-drift-share", "0.4");
        properties.put("bikecast.monitoring.live-error.refresh-interval", "2s");
        properties.put("bikecast.training.forest.trees", "30");
        properties.put("bikecast.training.forest.max-depth", "12");
        return new SuiteSettings(
                data.resolve("postgres"),
                freePort(),
                0,
                ServiceDefinition.usual().stream()
                        .map(service -> service.onPort(freePort()))
                        .toList(),
                API_KEY,
                Optional.empty(),
                properties);
    }

    private static LocalDateTime hourOf(HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }

    private static String csvOf(List<HourRow> hours, int year) throws IOException {
        List<String> lines = Files.readAllLines(UciDataset.hourCsv());
        StringBuilder csv = new StringBuilder(lines.getFirst()).append('\n');
        lines.stream()
                .skip(1)
                .filter(line -> line.contains("," + year + "-"))
                .forEach(line -> csv.append(line).append('\n'));
        return csv.toString();
    }

    private JsonNode champion(String training) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(training + "/api/v1/models/champion"))
                .build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private JsonNode predict(String prediction, HourRow row) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("season", row.season());
        body.put("yr", row.yr());
        body.put("mnth", row.mnth());
        body.put("hr", row.hr());
        body.put("holiday", row.holiday());
        body.put("weekday", row.weekday());
        body.put("workingday", row.workingday());
        body.put("weathersit", row.weathersit());
        body.put("temp", row.temp());
        body.put("atemp", row.atemp());
        body.put("hum", row.hum());
        body.put("windspeed", row.windspeed());
        body.put("hour", hourOf(row).toString());
        body.put("seriesId", "system");
        return postJson(prediction + "/api/v1/predict", JSON.writeValueAsString(body), 200);
    }

    private static KafkaConsumer<String, String> replayedActuals(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-client",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(Topics.ACTUALS.name()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private JsonNode postCsv(String url, String csv) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private JsonNode postJson(String url, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertThat(response.statusCode())
                .as("POST %s: %s", url, response.body())
                .isEqualTo(expectedStatus);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url)).build());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T await(String what, ThrowingSupplier<T> poll, java.util.function.Predicate<T> done)
            throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = poll.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + STEP_TIMEOUT + " waiting for " + what + "; last: " + last);
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
