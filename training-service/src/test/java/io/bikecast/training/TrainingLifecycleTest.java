package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.platform.kafka.EventJson;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.Forecasts;
import io.bikecast.training.forecast.WindowHistory;
import io.bikecast.training.registry.ArtifactIntegrityException;
import io.bikecast.training.registry.ModelRegistryReader;
import io.bikecast.training.run.TrainingWorker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The life of the model registry on real PostgreSQL and Kafka, as one story: a first model becomes champion and its
 * served fit has learned every stored hour, a retrain on the same data is only challenger (the champion has seen all
 * its holdout), a poor model is rejected, a failed run leaves the champion alone, a monitoring request after new data
 * promotes a better model, people promote and roll back, a corrupted artifact is refused, concurrent triggers never
 * train twice at once, the gate compares only on hours neither model learned from, and a forest too large to serve is
 * never registered. Small forests (10 trees, depth 8) on months of 2011.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + Api.KEY,
            // The forest alone, so that the requests below that change its parameters change what is registered; the
            // choice between candidates is ForecasterRunTest's.
            "bikecast.training.candidates=random-forest",
            "bikecast.training.forest.trees=10",
            "bikecast.training.forest.max-depth=8",
            "bikecast.training.forest.shards=2",
            "bikecast.training.window.holdout-days=21",
            "bikecast.training.min-training-rows=200",
            "bikecast.training.reference-sample-size=500",
            "bikecast.training.schedule.cron=-",
            "bikecast.training.worker-poll-interval=1s",
            "bikecast.outbox.poll-interval=500ms",
            "bikecast.training.promotion.min-r2=0.5",
            // Five models (one per lead) of ten trees of depth 8 have at most 25,550 nodes; a forest of leaves of one
            // row has many more.
            "bikecast.training.max-tree-nodes=100000"
        })
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingLifecycleTest {

    private static final String MODEL = "bike-demand";

    /** The ingest service's API, the training data's only source; it serves UCI rows this test stores in it. */
    private static final FakeIngest INGEST = FakeIngest.start();

    @DynamicPropertySource
    static void readTheFakeIngestService(DynamicPropertyRegistry properties) {
        properties.add("bikecast.training.ingest.base-url", INGEST::baseUrl);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TrainingWorker worker;

    @Autowired
    private ObservationReader observations;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private Api api;
    private JdbcClient jdbc;
    private ModelRegistryReader reader;
    private LifecycleEvents events;

    @BeforeAll
    void storeJanuaryToApril2011InTheIngestService() {
        api = new Api(port);
        jdbc = JdbcClient.create(dataSource);
        reader = new ModelRegistryReader(dataSource);
        events = new LifecycleEvents(bootstrapServers);
        INGEST.store(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 5, 1));
    }

    @AfterAll
    void closeTheConsumerAndTheIngestService() {
        events.close();
        INGEST.close();
    }

    @Test
    @Order(1)
    void theFirstModelThatMeetsTheFloorBecomesChampionAndIsAnnounced() {
        Api.Response accepted = api.post("/api/v1/training-runs", "{\"reason\": \"first model\"}");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location())
                .endsWith("/api/v1/training-runs/" + accepted.json().path("id").asString());
        assertThat(accepted.json().path("trigger").asString()).isEqualTo("api");

        JsonNode run = awaitFinished(accepted.json().path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.path("modelVersion").asLong()).isEqualTo(1);
        assertThat(run.path("parameters").path("forest").path("trees").asInt()).isEqualTo(10);
        assertThat(run.path("holdoutStart").asString()).isEqualTo("2011-04-10T00:00:00");
        assertThat(run.path("holdoutEnd").asString()).isEqualTo("2011-04-30T23:00:00");
        assertThat(run.path("trainingStart").asString()).isEqualTo("2011-01-01T00:00:00");
        assertThat(run.path("datasetVersion").asString()).hasSize(64);
        assertThat(run.path("durationMs").asLong()).isPositive();
        assertThat(run.path("decision").path("outcome").asString()).isEqualTo("champion");
        assertThat(run.path("provenance").isObject()).isTrue();
        assertThat(run.path("provenance").toString().length()).isLessThan(100_000);
        // The served fit has learned every stored hour, holdout included; the metrics are the evaluation fit's.
        assertThat(run.path("servedFitStart").asString()).isEqualTo("2011-01-01T00:00:00");
        assertThat(run.path("servedFitEnd").asString()).isEqualTo("2011-04-30T23:00:00");
        assertThat(run.path("servedFitRows").asInt())
                .isEqualTo(run.path("trainingRows").asInt()
                        + run.path("holdoutRows").asInt());
        assertThat(run.path("trainingEnd").asString()).isEqualTo("2011-04-09T23:00:00");

        JsonNode champion = api.get("/api/v1/models/champion").json();
        assertThat(champion.path("version").asLong()).isEqualTo(1);
        assertThat(champion.path("status").asString()).isEqualTo("champion");
        assertThat(champion.path("alias").asString()).isEqualTo("champion");
        assertThat(champion.path("metrics").path("r2").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(champion.path("servedFitEnd").asString()).isEqualTo("2011-04-30T23:00:00");
        assertThat(champion.path("servedFitRows").asInt())
                .isEqualTo(run.path("servedFitRows").asInt());

        ModelTrained trained = events.await(ModelTrained.class, e -> e.version() == 1);
        assertThat(trained.status()).isEqualTo("champion");
        ModelPromoted promoted = events.await(ModelPromoted.class, e -> e.version() == 1);
        assertThat(promoted.alias()).isEqualTo("champion");
        assertThat(promoted.previousVersion()).isNull();
        assertThat(promoted.artifactSha256())
                .isEqualTo(champion.path("artifactSha256").asString());
        assertThat(promoted.trainedThrough()).isEqualTo(LocalDateTime.of(2011, 4, 30, 23, 0));
        // Monitoring judges live error, which is of predictions served one hour ahead, by the lead-1 holdout figure.
        assertThat(promoted.nextHourMetrics().rmse())
                .isEqualTo(leadRmse(champion, 1))
                .isNotEqualTo(promoted.metrics().rmse());

        // The stored artifact is the refit: on the holdout hours, which it learned from, it scores far better than the
        // evaluation fit whose holdout metrics the version keeps.
        List<TrainingRow> holdout = observations.read("system", LocalDateTime.of(2011, 4, 10, 0, 0));
        ModelMetrics servedOnHoldout = Forecasts.metrics(reader.load(MODEL, 1).forecaster(), holdout, history());
        assertThat(servedOnHoldout.rmse())
                .isLessThan(champion.path("metrics").path("rmse").asDouble() * 0.9);

        assertThat(reader.loadAlias(MODEL, "champion")).hasValueSatisfying(model -> {
            assertThat(model.version()).isEqualTo(1);
            // A forecaster: the model without history reads the 12 UCI features, each lead's model 7 more.
            assertThat(model.forecaster().historyLeads()).containsExactly(1, 3, 6, 24);
            assertThat(model.forecaster()
                            .withoutHistoryModel()
                            .model()
                            .getFeatureIDMap()
                            .size())
                    .isEqualTo(12);
            assertThat(model.forecaster()
                            .forHorizon(24)
                            .model()
                            .getFeatureIDMap()
                            .size())
                    .isEqualTo(19);
        });
        ReferenceSample sample = reader.referenceSample(MODEL, 1);
        assertThat(sample.size()).isEqualTo(500);
        assertThat(sample.features()).hasSize(12);
        // Taken from the served fit's rows, the whole window: its hours reach into the holdout.
        assertThat(sample.hours()).hasSize(500).isSorted();
        assertThat(sample.hours().getFirst()).isEqualTo(LocalDateTime.of(2011, 1, 1, 0, 0));
        assertThat(sample.hours().getLast()).isAfter(LocalDateTime.of(2011, 4, 29, 0, 0));
        JsonNode reference = api.get("/api/v1/models/1/reference").json();
        assertThat(reference.path("predictions").size()).isEqualTo(500);
        assertThat(reference.path("features").path("hr").size()).isEqualTo(500);
        assertThat(reference.path("hours").get(0).asString()).isEqualTo("2011-01-01T00:00:00");
    }

    @Test
    @Order(2)
    void aRetrainOnTheSameDataGetsTheShortestHoldoutAndStaysChallenger() {
        JsonNode run = awaitFinished(requestRun("{\"reason\": \"same data\"}"));

        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        JsonNode v1 = api.get("/api/v1/models/1").json();
        JsonNode v2 = api.get("/api/v1/models/2").json();
        // The champion learned every stored hour: the holdout is the shortest allowed, the last 72 hours.
        assertThat(v1.path("holdoutStart").asString()).isEqualTo("2011-04-10T00:00:00");
        assertThat(v2.path("holdoutStart").asString()).isEqualTo("2011-04-28T00:00:00");
        assertThat(v2.path("datasetVersion").asString())
                .isEqualTo(v1.path("datasetVersion").asString());
        assertThat(v2.path("status").asString()).isEqualTo("challenger");
        assertThat(v2.path("decision").path("outcome").asString()).isEqualTo("challenger");
        // v1's served fit learned every hour of v2's holdout: there is nothing left to compare them on fairly.
        assertThat(v2.path("decision").path("reasons").toString())
                .contains("the champion has seen all but 0 of the holdout hours");
        assertThat(v2.path("decision").path("comparisonHours").path("count").asInt())
                .isZero();
        assertThat(v2.path("decision").path("championTrainedThrough").asString())
                .isEqualTo("2011-04-30T23:00:00");
        assertThat(v2.path("decision").has("championOnComparisonHours")).isFalse();
        assertThat(api.get("/api/v1/models/champion").json().path("version").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/models/challenger").json().path("version").asLong())
                .isEqualTo(2);
        ModelPromoted challenger = events.await(ModelPromoted.class, e -> e.version() == 2);
        assertThat(challenger.alias()).isEqualTo("challenger");
        assertThat(challenger.isChampion()).isFalse();
        assertThat(challenger.trainedThrough()).isEqualTo(LocalDateTime.of(2011, 4, 30, 23, 0));
    }

    @Test
    @Order(3)
    void aModelBelowTheR2FloorIsRejectedAndMovesNoAlias() {
        JsonNode run = awaitFinished(
                requestRun("{\"reason\": \"stumps\", \"parameters\": {\"trees\": 2, \"maxDepth\": 1, \"shards\": 1}}"));

        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.path("metrics").path("r2").asDouble()).isLessThan(0.5);
        JsonNode v3 = api.get("/api/v1/models/3").json();
        assertThat(v3.path("status").asString()).isEqualTo("rejected");
        assertThat(v3.path("decision").path("reasons").toString()).contains("below the floor");
        assertThat(v3.has("alias")).isFalse();
        assertThat(events.await(ModelTrained.class, e -> e.version() == 3).status())
                .isEqualTo("rejected");
        events.assertNone(ModelPromoted.class, e -> ((ModelPromoted) e).version() == 3);
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(1L);
        assertThat(reader.aliasVersion(MODEL, "challenger")).contains(2L);
    }

    @Test
    @Order(4)
    void aFailedRunIsRecordedAndAnnouncedAndLeavesTheChampionAlone() {
        String id = requestRun(
                "{\"reason\": \"no data there\", \"parameters\": {\"holdoutStart\": \"2030-01-01T00:00:00\"}}");
        JsonNode run = awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString()).contains("2030-01-01T00:00");
        TrainingFailed failed =
                events.await(TrainingFailed.class, e -> e.runId().toString().equals(id));
        assertThat(failed.trigger()).isEqualTo(TriggerSource.API);
        assertThat(failed.error()).contains("2030-01-01T00:00");
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM registry.model_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    @Order(5)
    void aMonitoringRequestAfterNewDataTrainsOnTheLargerWindowAndPromotesTheBetterModelOnce() throws Exception {
        INGEST.store(LocalDate.of(2011, 5, 1), LocalDate.of(2011, 7, 1));
        TrainingRequested request = TrainingRequested.of(
                MODEL, "dataset drift: 5 of 12 features", TriggerSource.MONITORING, UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new StringSerializer())) {
            // Delivered twice, as Kafka may: the event id makes it one run.
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(request.topic(), request.key(), EventJson.write(request)))
                        .get();
            }
        }

        ModelPromoted promoted = events.await(ModelPromoted.class, e -> e.version() == 4);
        assertThat(promoted.alias()).isEqualTo("champion");
        assertThat(promoted.previousVersion()).isEqualTo(1L);
        assertThat(promoted.reason()).contains("dataset drift");
        JsonNode v4 = api.get("/api/v1/models/4").json();
        assertThat(v4.path("holdoutStart").asString()).isEqualTo("2011-06-10T00:00:00");
        JsonNode decision = v4.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("champion");
        assertThat(decision.path("championVersion").asLong()).isEqualTo(1);
        // v1 learned up to the end of April: all of v4's June holdout is unseen by both, and v4 is better on it.
        assertThat(decision.path("championTrainedThrough").asString()).isEqualTo("2011-04-30T23:00:00");
        assertThat(decision.path("comparisonHours").path("from").asString()).isEqualTo("2011-06-10T00:00:00");
        assertThat(decision.path("comparisonHours").path("to").asString()).isEqualTo("2011-06-30T23:00:00");
        assertThat(decision.path("comparisonHours").path("count").asInt())
                .isEqualTo(v4.path("servedFitRows").asInt()
                        - INGEST.hours(hour -> hour.isBefore(LocalDateTime.of(2011, 6, 10, 0, 0))));
        assertThat(decision.path("candidateOnComparisonHours")).isEqualTo(decision.path("candidate"));
        assertThat(decision.path("candidateOnComparisonHours").path("rmse").asDouble())
                .isLessThan(
                        decision.path("championOnComparisonHours").path("rmse").asDouble());
        assertThat(promoted.trainedThrough()).isEqualTo(LocalDateTime.of(2011, 6, 30, 23, 0));
        assertThat(api.get("/api/v1/models/1").json().path("status").asString()).isEqualTo("archived");

        JsonNode runs = api.get("/api/v1/training-runs?status=succeeded").json();
        assertThat(runs.path("items").get(0).path("trigger").asString()).isEqualTo("drift");
        assertThat(runs.path("items").get(0).path("requestEventId").asString())
                .isEqualTo(request.eventId().toString());
        assertThat(jdbc.sql("SELECT count(*) FROM registry.training_run WHERE trigger = 'drift'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        JsonNode history =
                api.get("/api/v1/models/aliases/history?alias=champion").json();
        assertThat(history.path("items").get(0).path("version").asLong()).isEqualTo(4);
        assertThat(history.path("items").get(0).path("source").asString()).isEqualTo("drift");
    }

    @Test
    @Order(6)
    void peoplePromoteAndRollBackWithAReasonAndTheHistoryTellsWhoServedWhen() throws Exception {
        assertThat(api.postWithoutKey("/api/v1/models/2/promote", "{\"reason\": \"try it\"}")
                        .status())
                .isEqualTo(401);
        Api.Response noReason = api.post("/api/v1/models/2/promote", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(api.post("/api/v1/models/rollback", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/models/99/promote", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);

        Instant whileFour = Instant.now();
        Thread.sleep(5);
        Api.Response promoted = api.post("/api/v1/models/2/promote", "{\"reason\": \"canary looked good\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("status").asString()).isEqualTo("champion");
        ModelPromoted manual = events.await(ModelPromoted.class, e -> e.version() == 2 && e.isChampion());
        assertThat(manual.previousVersion()).isEqualTo(4L);
        assertThat(manual.reason()).contains("canary looked good");
        assertThat(manual.trainedThrough()).isEqualTo(LocalDateTime.of(2011, 4, 30, 23, 0));
        // v2 was the challenger: it cannot hold both aliases.
        assertThat(reader.aliasVersion(MODEL, "challenger")).isEmpty();
        Instant whileTwo = Instant.now();
        Thread.sleep(5);

        Api.Response rolledBack = api.post("/api/v1/models/rollback", "{\"reason\": \"live error doubled\"}");
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().path("version").asLong()).isEqualTo(4);
        ModelPromoted rollback = events.await(
                ModelPromoted.class, e -> e.version() == 4 && e.previousVersion() != null && e.previousVersion() == 2);
        assertThat(rollback.reason()).contains("rollback from v2").contains("live error doubled");
        assertThat(rollback.trainedThrough()).isEqualTo(LocalDateTime.of(2011, 6, 30, 23, 0));
        assertThat(rollback.nextHourMetrics().rmse())
                .isEqualTo(leadRmse(api.get("/api/v1/models/4").json(), 1));
        assertThat(api.get("/api/v1/models/challenger").status()).isEqualTo(404);
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(4L);
        assertThat(api.get("/api/v1/models/2").json().path("status").asString()).isEqualTo("rejected");

        assertThat(api.get("/api/v1/models/champion?at=" + whileFour)
                        .json()
                        .path("version")
                        .asLong())
                .isEqualTo(4);
        assertThat(api.get("/api/v1/models/champion?at=" + whileTwo)
                        .json()
                        .path("version")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/models/champion?at=2020-01-01T00:00:00Z").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/models/champion").json().path("version").asLong())
                .isEqualTo(4);
    }

    @Test
    @Order(7)
    void aCorruptedArtifactIsRefusedByTheReaderAndCannotBePromoted() {
        jdbc.sql("""
                        UPDATE registry.model_version
                        SET artifact = overlay(artifact PLACING '\\x00ff00ff'::bytea FROM 200)
                        WHERE model_name = ? AND version = 1""").param(MODEL).update();

        assertThatThrownBy(() -> reader.load(MODEL, 1))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("refusing to load it");
        Api.Response refused = api.post("/api/v1/models/1/promote", "{\"reason\": \"back to the first\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("SHA-256");
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(4L);
    }

    @Test
    @Order(8)
    void concurrentTriggersNeverTrainTwiceAtOnceAndNoRequestIsLost() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM registry.training_run")
                .query(Integer.class)
                .single();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Callable<Object>> triggers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = "{\"reason\": \"burst " + i + "\", \"parameters\": {\"seed\": " + (i % 2) + "}}";
            triggers.add(() -> api.post("/api/v1/training-runs", body).status());
        }
        // Two more drainers racing the service's own worker, as other instances would.
        triggers.add(() -> worker.drain(MODEL));
        triggers.add(() -> worker.drain(MODEL));
        List<Future<Object>> results = clients.invokeAll(triggers);
        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).get()).isEqualTo(202);
        }
        clients.shutdown();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM registry.training_run WHERE status IN ('queued', 'running')")
                                .query(Integer.class)
                                .single())
                        .isZero());
        List<long[]> intervals = jdbc.sql("""
                        SELECT (extract(epoch FROM started_at) * 1e6)::bigint, (extract(epoch FROM finished_at) * 1e6)::bigint
                        FROM registry.training_run WHERE started_at IS NOT NULL ORDER BY started_at""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i)[0])
                    .as("run %d starts after run %d finished", i, i - 1)
                    .isGreaterThanOrEqualTo(intervals.get(i - 1)[1]);
        }
        List<String> burst = jdbc.sql("SELECT status FROM registry.training_run WHERE reason LIKE 'burst %'")
                .query(String.class)
                .list();
        assertThat(burst).hasSize(4).allMatch(status -> status.equals("succeeded") || status.equals("merged"));
        assertThat(jdbc.sql("SELECT count(*) FROM registry.training_run")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before + 4);
        // A merged request points at a run that asked for the same seed and succeeded.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM registry.training_run m JOIN registry.training_run r ON r.id = m.merged_into
                        WHERE m.status = 'merged' AND (r.status <> 'succeeded'
                            OR r.requested_parameters <> m.requested_parameters)""").query(Integer.class).single()).isZero();
    }

    @Test
    @Order(9)
    void theArtifactIsServedWithItsChecksumAsETagAndNotSentAgainWhenUnchanged() {
        JsonNode v4 = api.get("/api/v1/models/4").json();
        String sha256 = v4.path("artifactSha256").asString();

        Api.BinaryResponse artifact = api.getBytes("/api/v1/models/4/artifact");
        assertThat(artifact.status()).isEqualTo(200);
        assertThat(artifact.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(artifact.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(artifact.header("X-Artifact-Format")).isEqualTo(ForecasterArtifacts.FORMAT);
        assertThat(ModelArtifacts.sha256(artifact.body())).isEqualTo(sha256);
        assertThat(artifact.body().length).isEqualTo(v4.path("artifactBytes").asInt());
        List<TrainingRow> june = observations.read("system", LocalDateTime.of(2011, 6, 1, 0, 0));
        for (int lead : List.of(1, 3, 6, 24)) {
            assertThat(Forecasts.counts(ForecasterArtifacts.read(artifact.body()), lead, june, history()))
                    .containsExactly(Forecasts.counts(reader.load(MODEL, 4).forecaster(), lead, june, history()));
        }

        Api.BinaryResponse unchanged =
                api.getBytes("/api/v1/models/4/artifact", "If-None-Match", artifact.header("ETag"));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(artifact.header("ETag"));
        assertThat(api.getBytes("/api/v1/models/4/artifact", "If-None-Match", "\"another\"")
                        .status())
                .isEqualTo(200);
        assertThat(api.getBytes("/api/v1/models/99/artifact").status()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void runsAreListedByAnyOfSeveralStatuses() {
        JsonNode finished = api.get("/api/v1/training-runs?status=succeeded,failed&size=200")
                .json();
        long expected = jdbc.sql("SELECT count(*) FROM registry.training_run WHERE status IN ('succeeded', 'failed')")
                .query(Long.class)
                .single();
        assertThat(finished.path("total").asLong()).isEqualTo(expected);
        assertThat(finished.path("items").size()).isEqualTo((int) expected);
        List<String> statuses = new ArrayList<>();
        finished.path("items").forEach(item -> statuses.add(item.path("status").asString()));
        assertThat(statuses).contains("succeeded", "failed").allMatch(s -> s.equals("succeeded") || s.equals("failed"));
        assertThat(api.get("/api/v1/training-runs?status=queued,running")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        Api.Response unknown = api.get("/api/v1/training-runs?status=succeeded,finished");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("status").contains("finished");
    }

    @Test
    @Order(11)
    void aCandidateWhoseHoldoutTheChampionHasAlmostAllSeenStaysChallenger() {
        int newHours = INGEST.storeHours(LocalDateTime.of(2011, 7, 1, 0, 0), LocalDateTime.of(2011, 7, 1, 12, 0));
        assertThat(newHours).isPositive().isLessThan(24);

        JsonNode run = awaitFinished(requestRun("{\"reason\": \"half a day of new data\"}"));

        JsonNode decision = run.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("challenger");
        assertThat(decision.path("championVersion").asLong()).isEqualTo(4);
        assertThat(decision.path("comparisonHours").path("count").asInt()).isEqualTo(newHours);
        assertThat(decision.path("comparisonHours").path("from").asString()).isEqualTo("2011-07-01T00:00:00");
        assertThat(decision.path("reasons").toString())
                .contains("the champion has seen all but " + newHours + " of the holdout hours");
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(4L);
    }

    @Test
    @Order(12)
    void theGateComparesOnlyOnTheHoursAfterTheChampionsServedFitAndTheEvaluationEndpointScoresThemAlike() {
        INGEST.storeHours(LocalDateTime.of(2011, 7, 1, 12, 0), LocalDateTime.of(2011, 8, 1, 0, 0));
        int july = INGEST.hours(hour -> !hour.isBefore(LocalDateTime.of(2011, 7, 1, 0, 0)));
        // The holdout starts ten days before the champion v4's served fit ends: those ten days must not count.
        JsonNode run = awaitFinished(
                requestRun("{\"reason\": \"July\", \"parameters\": {\"holdoutStart\": \"2011-06-20T00:00:00\"}}"));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");

        JsonNode decision = run.path("decision");
        assertThat(decision.path("championVersion").asLong()).isEqualTo(4);
        assertThat(decision.path("championTrainedThrough").asString()).isEqualTo("2011-06-30T23:00:00");
        JsonNode hours = decision.path("comparisonHours");
        assertThat(hours.path("from").asString()).isEqualTo("2011-07-01T00:00:00");
        assertThat(hours.path("to").asString()).isEqualTo("2011-07-31T23:00:00");
        assertThat(hours.path("count").asInt())
                .isEqualTo(july)
                .isLessThan(run.path("holdoutRows").asInt());
        // Scored on July only, the champion's figures are what scoring it on July gives, and not its in-sample June.
        List<TrainingRow> julyRows = observations.read("system", LocalDateTime.of(2011, 7, 1, 0, 0));
        ModelMetrics championOnJuly = Forecasts.metrics(reader.load(MODEL, 4).forecaster(), julyRows, history());
        assertThat(decision.path("championOnComparisonHours").path("rmse").asDouble())
                .isEqualTo(championOnJuly.rmse());
        assertThat(decision.path("candidateOnComparisonHours").path("rmse").asDouble())
                .isNotEqualTo(decision.path("candidate").path("rmse").asDouble());
        boolean better =
                decision.path("candidateOnComparisonHours").path("rmse").asDouble() <= championOnJuly.rmse();
        assertThat(decision.path("outcome").asString()).isEqualTo(better ? "champion" : "challenger");

        Api.Response evaluation = api.post(
                "/api/v1/models/4/evaluation", "{\"from\": \"2011-07-01T00:00\", \"to\": \"2011-08-01T00:00\"}");
        assertThat(evaluation.status()).as(evaluation.body()).isEqualTo(200);
        JsonNode scored = evaluation.json();
        assertThat(scored.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(scored.path("version").asLong()).isEqualTo(4);
        assertThat(scored.path("from").asString()).isEqualTo("2011-07-01T00:00:00");
        assertThat(scored.path("to").asString()).isEqualTo("2011-08-01T00:00:00");
        assertThat(scored.path("hours").asInt()).isEqualTo(july);
        assertThat(scored.path("metrics").path("rmse").asDouble()).isEqualTo(championOnJuly.rmse());
        assertThat(scored.path("metrics").path("mae").asDouble()).isEqualTo(championOnJuly.mae());
        assertThat(scored.path("metrics").path("r2").asDouble()).isEqualTo(championOnJuly.r2());
        assertThat(scored.path("metrics").path("withinTwentyPercent").asDouble())
                .isEqualTo(championOnJuly.withinTwentyPercent());
        Map<Integer, ModelMetrics> byLead =
                Forecasts.metricsByLead(reader.load(MODEL, 4).forecaster(), julyRows, history());
        assertThat(byLead.keySet()).containsExactly(1, 3, 6, 24);
        for (int lead : byLead.keySet()) {
            assertThat(scored.path("leads")
                            .path(Integer.toString(lead))
                            .path("rmse")
                            .asDouble())
                    .as("lead %d", lead)
                    .isEqualTo(byLead.get(lead).rmse());
        }
    }

    @Test
    @Order(13)
    void theEvaluationEndpointRefusesWhatItCannotScore() {
        String july = "{\"from\": \"2011-07-01T00:00\", \"to\": \"2011-08-01T00:00\"}";
        assertThat(api.postWithoutKey("/api/v1/models/4/evaluation", july).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/models/99/evaluation", july).status()).isEqualTo(404);
        Api.Response backwards = api.post(
                "/api/v1/models/4/evaluation", "{\"from\": \"2011-08-01T00:00\", \"to\": \"2011-07-01T00:00\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().toString()).contains("\"to\"").contains("must be after from");
        Api.Response missing = api.post("/api/v1/models/4/evaluation", "{\"to\": \"2011-08-01T00:00\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().toString()).contains("\"from\"").contains("is required");
        Api.Response empty = api.post(
                "/api/v1/models/4/evaluation", "{\"from\": \"2030-01-01T00:00\", \"to\": \"2030-02-01T00:00\"}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("no stored hour");
    }

    @Test
    @Order(14)
    void withTheIngestServiceDownARunFailsSayingSoAndAnEvaluationIsA503() {
        // v4, or July's run if it was better on July (the gate decides, see above).
        long champion = reader.aliasVersion(MODEL, "champion").orElseThrow();
        INGEST.stop();
        try {
            String id = requestRun("{\"reason\": \"ingest is down\"}");
            JsonNode run = awaitFinished(id);
            assertThat(run.path("status").asString()).isEqualTo("failed");
            assertThat(run.path("error").asString())
                    .contains("IngestUnavailableException")
                    .contains("the ingest service at " + INGEST.baseUrl())
                    .contains("GET /api/v1/ingest/series?series=system")
                    .contains("BIKECAST_INGEST_URL");
            assertThat(events.await(
                                    TrainingFailed.class,
                                    e -> e.runId().toString().equals(id))
                            .error())
                    .contains("the ingest service at " + INGEST.baseUrl());
            assertThat(reader.aliasVersion(MODEL, "champion")).contains(champion);

            Api.Response evaluation = api.post(
                    "/api/v1/models/4/evaluation", "{\"from\": \"2011-07-01T00:00\", \"to\": \"2011-08-01T00:00\"}");
            assertThat(evaluation.status()).as(evaluation.body()).isEqualTo(503);
            assertThat(evaluation.json().path("title").asString()).isEqualTo("Ingest service unavailable");
            assertThat(evaluation.json().path("detail").asString()).contains(INGEST.baseUrl());
        } finally {
            INGEST.restart();
        }
        // Back, the same request scores again.
        assertThat(api.post(
                                "/api/v1/models/4/evaluation",
                                "{\"from\": \"2011-07-01T00:00\", \"to\": \"2011-08-01T00:00\"}")
                        .status())
                .isEqualTo(200);
    }

    /** Issue 15, point 11: a queued run whose stored request no longer reads is failed, and the queue moves on. */
    @Test
    @Order(15)
    void aQueuedRunWhoseStoredRequestCannotBeReadFailsWithoutHoldingUpTheQueue() {
        UUID unreadable = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO registry.training_run
                            (id, model_name, status, trigger, reason, requested_parameters, requested_at)
                        VALUES (?, ?, 'queued', 'api', 'written by another version', '{"trees": "lots"}'::jsonb,
                                now() - interval '1 day')""").params(unreadable, MODEL).update();

        String behind = requestRun(
                "{\"reason\": \"queued behind it\", \"parameters\": {\"holdoutStart\": \"2030-01-01T00:00:00\"}}");

        assertThat(awaitFinished(behind).path("status").asString()).isEqualTo("failed");
        JsonNode stuck = awaitFinished(unreadable.toString());
        assertThat(stuck.path("status").asString()).isEqualTo("failed");
        assertThat(stuck.path("error").asString()).contains("its stored request cannot be read");
    }

    /** Issue 15, point 8: a forest over the node limit fails the run, saying which limit, and registers nothing. */
    @Test
    @Order(16)
    void aForestLargerThanTheNodeLimitFailsNamingTheLimitAndRegistersNothing() {
        long versions = jdbc.sql("SELECT count(*) FROM registry.model_version")
                .query(Long.class)
                .single();
        Long champion = reader.aliasVersion(MODEL, "champion").orElseThrow();

        String id = requestRun("{\"reason\": \"leaves of one row\", \"parameters\": {\"trees\": 40, \"maxDepth\": 16,"
                + " \"minChildWeight\": 1, \"shards\": 2}}");
        JsonNode run = awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString())
                .contains("ModelTooLargeException")
                .containsPattern("has \\d+ tree nodes in 40 trees, more than the 100000 that")
                .contains("bikecast.training.max-tree-nodes")
                .contains("nothing was registered");
        assertThat(run.has("modelVersion")).isFalse();
        assertThat(events.await(TrainingFailed.class, e -> e.runId().toString().equals(id))
                        .error())
                .contains("bikecast.training.max-tree-nodes");
        assertThat(jdbc.sql("SELECT count(*) FROM registry.model_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
        assertThat(reader.aliasVersion(MODEL, "champion")).contains(champion);
        events.assertNone(ModelTrained.class, e -> ((ModelTrained) e).version() > versions);
    }

    /** Issue 13: the domain's refusals reach clients as the same RFC 9457 problems, typed and naming their fields. */
    @Test
    @Order(17)
    void refusalsAreProblemsWithTheirTypeTitleAndOffendingFields() {
        JsonNode version = api.get("/api/v1/models/99").json();
        assertThat(version.path("status").asInt()).isEqualTo(404);
        assertThat(version.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(version.path("detail").asString()).isEqualTo("model bike-demand has no version 99");
        assertThat(version.path("errors").get(0).path("field").asString()).isEqualTo("version");
        assertThat(version.path("instance").asString()).isEqualTo("/api/v1/models/99");

        UUID unknown = UUID.randomUUID();
        JsonNode run = api.get("/api/v1/training-runs/" + unknown).json();
        assertThat(run.path("status").asInt()).isEqualTo(404);
        assertThat(run.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(run.path("detail").asString()).isEqualTo("no training run " + unknown);

        long champion = reader.aliasVersion(MODEL, "champion").orElseThrow();
        Api.Response already = api.post("/api/v1/models/" + champion + "/promote", "{\"reason\": \"again\"}");
        assertThat(already.status()).isEqualTo(409);
        assertThat(already.json().path("type").asString()).isEqualTo("https://bikecast.io/problems/conflict");
        assertThat(already.json().path("title").asString()).isEqualTo("Already champion");

        Api.Response parameters =
                api.post("/api/v1/training-runs", "{\"parameters\": {\"trees\": 1, \"featureFraction\": 1.0}}");
        assertThat(parameters.status()).isEqualTo(400);
        assertThat(parameters.json().path("type").asString()).isEqualTo("https://bikecast.io/problems/invalid-request");
        assertThat(parameters.json().path("detail").asString()).isEqualTo("the requested parameters cannot make a run");
        List<String> fields = new ArrayList<>();
        parameters
                .json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("parameters.trees", "parameters.featureFraction");

        Api.Response empty = api.post(
                "/api/v1/models/4/evaluation", "{\"from\": \"2030-01-01T00:00\", \"to\": \"2030-02-01T00:00\"}");
        assertThat(empty.json().path("type").asString()).isEqualTo("https://bikecast.io/problems/unprocessable");
        assertThat(empty.json().path("title").asString()).isEqualTo("No stored hours in range");
    }

    /** Every stored hour's demand, which a forecaster's history features read as the run's window did. */
    private WindowHistory history() {
        return WindowHistory.of(observations.read("system", null));
    }

    private String requestRun(String body) {
        return api.queueRun(body);
    }

    private JsonNode awaitFinished(String id) {
        return api.awaitRun(id, Duration.ofSeconds(60));
    }

    /** A version's holdout RMSE at a lead, as the registry API lists it. */
    private static double leadRmse(JsonNode version, int lead) {
        for (JsonNode scored : version.path("leads")) {
            if (scored.path("lead").asInt() == lead) {
                return scored.path("rmse").asDouble();
            }
        }
        throw new AssertionError("version " + version.path("version") + " has no lead " + lead + ": " + version);
    }
}
