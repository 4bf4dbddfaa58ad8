package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.EventJson;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.common.registry.ArtifactIntegrityException;
import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.training.run.TrainingWorker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

/**
 * The life of the model registry on real PostgreSQL and Kafka, as one story: a first model becomes champion, a
 * retrain on the same data is only challenger, a poor model is rejected, a failed run leaves the champion alone, a
 * monitoring request after new data promotes a better model, people promote and roll back, a corrupted artifact is
 * refused, and concurrent triggers never train twice at once. Small forests (10 trees, depth 8) on months of 2011.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + Api.KEY,
            "bikecast.training.forest.trees=10",
            "bikecast.training.forest.max-depth=8",
            "bikecast.training.forest.shards=2",
            "bikecast.training.window.holdout-days=21",
            "bikecast.training.min-training-rows=200",
            "bikecast.training.reference-sample-size=500",
            "bikecast.training.schedule.cron=-",
            "bikecast.training.worker-poll-interval=1s",
            "bikecast.training.outbox.poll-interval=500ms",
            "bikecast.training.promotion.min-r2=0.5"
        })
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingLifecycleTest {

    private static final String MODEL = "bike-demand";

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TrainingWorker worker;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private Api api;
    private JdbcClient jdbc;
    private ModelRegistryReader reader;
    private LifecycleEvents events;

    @BeforeAll
    void createTheIngestTableWithJanuaryToApril2011() {
        api = new Api(port);
        jdbc = JdbcClient.create(dataSource);
        reader = new ModelRegistryReader(dataSource);
        events = new LifecycleEvents(bootstrapServers);
        IngestTables.migrate(dataSource);
        IngestTables.insert(dataSource, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 5, 1));
    }

    @AfterAll
    void closeTheConsumer() {
        events.close();
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

        JsonNode champion = api.get("/api/v1/models/champion").json();
        assertThat(champion.path("version").asLong()).isEqualTo(1);
        assertThat(champion.path("status").asString()).isEqualTo("champion");
        assertThat(champion.path("alias").asString()).isEqualTo("champion");
        assertThat(champion.path("metrics").path("r2").asDouble()).isGreaterThanOrEqualTo(0.5);

        ModelTrained trained = events.await(ModelTrained.class, e -> e.version() == 1);
        assertThat(trained.status()).isEqualTo("champion");
        ModelPromoted promoted = events.await(ModelPromoted.class, e -> e.version() == 1);
        assertThat(promoted.alias()).isEqualTo("champion");
        assertThat(promoted.previousVersion()).isNull();
        assertThat(promoted.artifactSha256())
                .isEqualTo(champion.path("artifactSha256").asString());

        assertThat(reader.loadAlias(MODEL, "champion")).hasValueSatisfying(model -> {
            assertThat(model.version()).isEqualTo(1);
            assertThat(model.model().getFeatureIDMap().size()).isEqualTo(12);
        });
        ReferenceSample sample = reader.referenceSample(MODEL, 1);
        assertThat(sample.size()).isEqualTo(500);
        assertThat(sample.features()).hasSize(12);
        JsonNode reference = api.get("/api/v1/models/1/reference").json();
        assertThat(reference.path("predictions").size()).isEqualTo(500);
        assertThat(reference.path("features").path("hr").size()).isEqualTo(500);
    }

    @Test
    @Order(2)
    void aRetrainOnTheSameDataAndSeedGetsTheSameMetricsAndStaysChallenger() {
        JsonNode run = awaitFinished(requestRun("{\"reason\": \"same data\"}"));

        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        JsonNode v1 = api.get("/api/v1/models/1").json();
        JsonNode v2 = api.get("/api/v1/models/2").json();
        assertThat(v2.path("metrics")).isEqualTo(v1.path("metrics"));
        assertThat(v2.path("datasetVersion").asString())
                .isEqualTo(v1.path("datasetVersion").asString());
        assertThat(v2.path("status").asString()).isEqualTo("challenger");
        assertThat(v2.path("decision").path("outcome").asString()).isEqualTo("challenger");
        assertThat(v2.path("decision").path("reasons").toString()).contains("does not beat the champion v1");
        assertThat(api.get("/api/v1/models/champion").json().path("version").asLong())
                .isEqualTo(1);
        ModelPromoted challenger = events.await(ModelPromoted.class, e -> e.version() == 2);
        assertThat(challenger.alias()).isEqualTo("challenger");
        assertThat(challenger.isChampion()).isFalse();
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
        IngestTables.insert(dataSource, LocalDate.of(2011, 5, 1), LocalDate.of(2011, 7, 1));
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
        // The old champion on the candidate's (newer) holdout, and both on the old champion's own holdout.
        assertThat(decision.path("candidate").path("rmse").asDouble())
                .isLessThan(
                        decision.path("championOnCandidateHoldout").path("rmse").asDouble());
        assertThat(decision.path("candidateOnPreviousHoldout").path("rmse").asDouble())
                .isPositive();
        assertThat(api.get("/api/v1/models/1").json().path("status").asString()).isEqualTo("archived");

        JsonNode runs = api.get("/api/v1/training-runs?status=succeeded").json();
        assertThat(runs.path("items").get(0).path("trigger").asString()).isEqualTo("drift");
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

    private String requestRun(String body) {
        Api.Response response = api.post("/api/v1/training-runs", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("id").asString();
    }

    private JsonNode awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/v1/training-runs/" + id).json(),
                        run -> run.path("status").asString().equals("succeeded")
                                || run.path("status").asString().equals("failed"));
    }
}
