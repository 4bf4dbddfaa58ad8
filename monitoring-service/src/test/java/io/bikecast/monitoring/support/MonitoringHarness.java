package io.bikecast.monitoring.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.events.Topics;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring service under test as the rest of the suite drives it, for the loop tests: the training service
 * registers and promotes champions (in the {@link FakeTrainingRegistry} the context was given, see {@code
 * WithFakeTrainingRegistry}), the prediction service logs what a champion served, and people read the service's API
 * and the events it published. A bean of the test's context ({@code @Import(MonitoringHarness.class)}), so a test
 * class needs none of the plumbing itself.
 */
public class MonitoringHarness {

    /** The model every loop test monitors. */
    public static final String MODEL = "bike-demand";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final EventPublisher publisher;
    private final FakeTrainingRegistry training;
    private final Environment environment;
    private Http http;

    MonitoringHarness(
            JdbcTemplate jdbc, EventPublisher publisher, FakeTrainingRegistry training, Environment environment) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.training = training;
        this.environment = environment;
    }

    /** The training service's registry, as monitoring sees it. */
    public FakeTrainingRegistry training() {
        return training;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Publishes events to Kafka as the other services do. */
    public EventPublisher publisher() {
        return publisher;
    }

    /** An HTTP client of the service; the port is known only once the web server has started. */
    public synchronized Http http() {
        if (http == null) {
            http = new Http(environment.getRequiredProperty("local.server.port", Integer.class));
        }
        return http;
    }

    /** GETs a path of the service's API, which must answer 200, as JSON. */
    public JsonNode get(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Registers the forest as the next version and makes it the champion, as a promotion does; returns it. */
    public long registerChampion(Model<Regressor> model, ReferenceSample reference, ModelMetrics holdout) {
        long version = training.register(model, reference, holdout);
        training.setAlias(ModelPromoted.CHAMPION, version);
        return version;
    }

    /**
     * Publishes the {@code model-promoted} event of a champion the registry already names, and waits until monitoring
     * has recorded the version as its champion; the promotion needs no registry, so this works while it is down.
     */
    public void announce(ModelPromoted promoted) {
        publish(promoted);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.queryForList(
                                "SELECT version FROM monitoring.champion_state WHERE model_name = ?",
                                Long.class,
                                promoted.modelName()),
                        versions -> versions.equals(List.of(promoted.version())));
    }

    /**
     * Publishes an hour's actual, as a backtest feeds them one at a time, and waits until monitoring's data clock
     * ({@code GET /api/v1/clock}) has reached its hour: the hour's work (a check, a refresh) is done then.
     */
    public void feed(ActualObserved actual) {
        publish(actual);
        String expected = actual.hour().toString();
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/clock").path("now").asString(""), expected::equals);
    }

    /** Publishes an event and waits until Kafka has acknowledged it. */
    public void publish(BikecastEvent event) {
        publisher.publish(event).join();
    }

    /**
     * What the prediction service logs when the champion version answers for these features at this hour: the
     * forest's raw prediction, and the count returned to the client (rounded, never negative).
     */
    public static PredictionLogged served(
            Model<Regressor> model, long version, LocalDateTime hour, UciFeatures features) {
        return served(model, MODEL, version, "system", hour, features);
    }

    /** As {@link #served(Model, long, LocalDateTime, UciFeatures)}, for a series of any model (a family's station). */
    public static PredictionLogged served(
            Model<Regressor> model,
            String modelName,
            long version,
            String seriesId,
            LocalDateTime hour,
            UciFeatures features) {
        double prediction = TestForests.predict(model, features);
        return PredictionLogged.of(
                UUID.randomUUID(),
                seriesId,
                hour,
                features,
                prediction,
                Math.max(0, Math.round(prediction)),
                modelName,
                version,
                ServedBy.CHAMPION,
                false,
                Instant.now());
    }

    /** Publishes a version's predictions and waits until monitoring has stored exactly that many of the version. */
    public void publishAndAwaitStored(long version, List<PredictionLogged> predictions) {
        CompletableFuture.allOf(predictions.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .join();
        awaitStored(version, predictions.size());
    }

    /**
     * Publishes predictions and waits until monitoring has stored every one of them (by id): for tests where several
     * models have versions of the same number.
     */
    public void publishAndAwaitStored(List<PredictionLogged> predictions) {
        CompletableFuture.allOf(predictions.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .join();
        String[] ids =
                predictions.stream().map(p -> p.predictionId().toString()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM monitoring.prediction_log WHERE prediction_id = ANY(?::uuid[])",
                                Integer.class,
                                (Object) ids),
                        n -> n == ids.length);
    }

    /** Waits until monitoring's prediction log holds exactly {@code count} predictions of the version. */
    public void awaitStored(long version, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM monitoring.prediction_log WHERE model_version = ?",
                                Integer.class,
                                version),
                        n -> n == count);
    }

    /** The first alert of the kind (and key, when not null) in {@code GET /api/v1/alerts}, or null if none. */
    public JsonNode alert(String kind, String key) {
        return StreamSupport.stream(get("/api/v1/alerts?size=100").path("items").spliterator(), false)
                .filter(a -> a.path("kind").asString().equals(kind)
                        && (key == null || a.path("key").asString().equals(key)))
                .findFirst()
                .orElse(null);
    }

    /** Every training-requested event monitoring published so far. */
    public List<TrainingRequested> trainingRequests() {
        return events(Topics.TRAINING_REQUESTS.name(), TrainingRequested.class);
    }

    /**
     * Every event of the type on the topic, as a fresh subscriber would read it, once monitoring has published all it
     * appended to its outbox: its events leave after their transaction commits, not before the call that wrote them
     * returns.
     */
    public <T extends BikecastEvent> List<T> events(String topic, Class<T> type) {
        awaitOutboxPublished();
        return TopicReader.readAll(environment.getRequiredProperty("spring.kafka.bootstrap-servers"), topic).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Waits until the relay has published every event in monitoring's outbox; none may have been parked. */
    public void awaitOutboxPublished() {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM monitoring.outbox WHERE published_at IS NULL", Long.class),
                        pending -> pending == 0);
    }

    /**
     * The 2011 hours of the UCI data in a fixed random order (seed 42), without weathersit 4: three rows in the whole
     * data set, left out so the weather tests have exactly 2 degrees of freedom.
     */
    public static List<HourRow> shuffled2011() {
        List<HourRow> rows = new ArrayList<>(UciDataset.hours().stream()
                .filter(row -> row.yr() == 0 && row.weathersit() != 4)
                .toList());
        Collections.shuffle(rows, new Random(42));
        return rows;
    }

    /** A report's feature results by feature name. */
    public static Map<String, JsonNode> byFeature(JsonNode report) {
        Map<String, JsonNode> features = new HashMap<>();
        report.path("features").forEach(f -> features.put(f.path("feature").asString(), f));
        return features;
    }

    public static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
