package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.LeadModel;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.training.data.DatasetVersion;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.Forecasts;
import io.bikecast.training.forecast.WindowHistory;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import io.bikecast.training.registry.ModelRegistryReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;

/**
 * A run trains a forecaster of each candidate (boosting on log1p, the forest on the count), one model per lead, and
 * registers the better on the holdout with every candidate's scores, each lead's metrics, interval and coverage; the
 * gate compares it with a champion stored before forecasters (a single forest, which serves every lead with its one
 * model); and a run whose evaluation fit would be the champion's own forecaster takes the champion, for that recipe
 * only. On real PostgreSQL and Kafka: the 2011 data, January–February 2012 as the holdout, then the first week of March.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + Api.KEY,
            "bikecast.training.candidates=xgboost,random-forest",
            "bikecast.training.boosting.rounds=200",
            "bikecast.training.boosting.eta=0.1",
            "bikecast.training.forest.trees=10",
            "bikecast.training.forest.max-depth=8",
            "bikecast.training.forest.shards=2",
            "bikecast.training.reference-sample-size=500",
            "bikecast.training.schedule.cron=-",
            "bikecast.training.worker-poll-interval=1s",
            "bikecast.outbox.poll-interval=500ms"
        })
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForecasterRunTest {

    private static final String MODEL = ModelRegistryReader.DEFAULT_MODEL_NAME;
    private static final LocalDateTime HOLDOUT_START = LocalDateTime.of(2012, 1, 1, 0, 0);
    private static final ForestParameters LEGACY_FOREST = new ForestParameters(10, 8, 5f, 0f, 0.99f, 42L, 2);

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
    private ObservationReader observations;

    private Api api;
    private JdbcClient jdbc;
    private Model<Regressor> legacyForest;

    @BeforeAll
    void storeTheDataAndALegacyChampion() {
        api = new Api(port);
        jdbc = JdbcClient.create(dataSource);
        INGEST.store(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 3, 1));
        List<TrainingRow> year2011 = observations.read("system", null, HOLDOUT_START);
        legacyForest = new ParallelForestTrainer(2).train(TrainingSets.of(year2011, "2011"), LEGACY_FOREST);
        byte[] artifact = ModelArtifacts.write(legacyForest);
        // As the registry held it before forecasters: a single gzip forest, on the count, with the same forest
        // parameters and the same hours as the run's evaluation fit below, but no recipe a run could repeat.
        jdbc.sql("""
                        INSERT INTO registry.model_version (model_name, version, algorithm, status, feature_schema,
                            hyper_parameters, metrics, training_start, training_end, holdout_start, holdout_end,
                            served_fit_start, served_fit_end, served_fit_rows, dataset_version, artifact,
                            artifact_sha256, artifact_raw_bytes, reference_sample, artifact_format, target_transform)
                        VALUES (?, 1, 'random-forest', 'champion', 1, ?::jsonb,
                            '{"rmse": 80, "mae": 55, "r2": 0.8, "withinTwentyPercent": 0.3}'::jsonb,
                            '2011-01-01T00:00', '2011-12-24T23:00', '2011-12-25T00:00', '2011-12-31T23:00',
                            '2011-01-01T00:00', '2011-12-31T23:00', ?, ?, ?, ?, 0,
                            '{"features": {}, "predictions": [], "hours": []}'::jsonb, 'tribuo-protobuf+gzip',
                            'COUNT')""")
                .params(
                        MODEL,
                        "{\"forest\": {\"trees\": 10, \"maxDepth\": 8, \"minChildWeight\": 5.0, \"minImpurityDecrease\":"
                                + " 0.0, \"featureFraction\": 0.99, \"seed\": 42, \"shards\": 2}, \"holdoutDays\": 7}",
                        year2011.size(),
                        DatasetVersion.of(year2011),
                        artifact,
                        ModelArtifacts.sha256(artifact))
                .update();
        jdbc.sql("INSERT INTO registry.model_alias (model_name, alias, version) VALUES (?, 'champion', 1)")
                .param(MODEL)
                .update();
    }

    @AfterAll
    void stopTheIngestService() {
        INGEST.close();
    }

    @Test
    @Order(1)
    void bothCandidatesAreTrainedTheBetterIsRegisteredWithEveryLeadAndComparedWithTheLegacyChampion() {
        JsonNode run = awaitFinished(requestRun(
                "{\"reason\": \"forecaster\", \"parameters\": {\"holdoutStart\":" + " \"2012-01-01T00:00:00\"}}"));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode version = api.get("/api/v1/models/2").json();

        // Both candidates trained and recorded; the one with the lower mean RMSE over the leads with history won.
        JsonNode candidates = version.path("candidates");
        assertThat(candidates.size()).isEqualTo(2);
        List<String> algorithms = new ArrayList<>();
        candidates.forEach(
                candidate -> algorithms.add(candidate.path("algorithm").asString()));
        assertThat(algorithms).containsExactly("xgboost", "random-forest");
        JsonNode boosting = candidates.get(0);
        JsonNode forest = candidates.get(1);
        assertThat(boosting.path("targetTransform").asString()).isEqualTo("LOG1P");
        assertThat(forest.path("targetTransform").asString()).isEqualTo("COUNT");
        assertThat(boosting.path("parameters").path("rounds").asInt()).isEqualTo(200);
        assertThat(forest.path("parameters").path("trees").asInt()).isEqualTo(10);
        JsonNode chosen =
                boosting.path("score").asDouble() <= forest.path("score").asDouble() ? boosting : forest;
        JsonNode other = chosen == boosting ? forest : boosting;
        assertThat(chosen.path("chosen").asBoolean()).isTrue();
        assertThat(other.path("chosen").asBoolean()).isFalse();
        assertThat(version.path("algorithm").asString())
                .isEqualTo(chosen.path("algorithm").asString());
        assertThat(version.path("targetTransform").asString())
                .isEqualTo(chosen.path("targetTransform").asString());
        assertThat(run.path("candidates")).isEqualTo(candidates);
        // The legacy champion learned these hours with these forest parameters, but it is no forecaster of this
        // recipe: nothing was taken from it.
        assertThat(candidates.findValues("evaluatedAsChampion")).isEmpty();

        // Per lead: holdout metrics, an interval around zero in the target's space and a coverage near 80%.
        JsonNode leads = version.path("leads");
        List<Integer> leadNumbers = new ArrayList<>();
        double meanRmse = 0;
        for (JsonNode lead : leads) {
            leadNumbers.add(lead.path("lead").asInt());
            assertThat(lead.path("intervalLow").asDouble()).isNegative();
            assertThat(lead.path("intervalHigh").asDouble()).isPositive();
            if (lead.path("lead").asInt() > 0) {
                assertThat(lead.path("coverage80").asDouble())
                        .as(lead.toString())
                        .isBetween(0.65, 0.95);
                assertThat(lead.path("r2").asDouble()).as(lead.toString()).isGreaterThan(0.5);
                meanRmse += lead.path("rmse").asDouble() / 4;
            } else {
                // Without history a model learnt on 2011 alone cannot know that 2012 rents far more (its yr feature
                // never varied): its interval misses most of the holdout, which is why the leads with history serve.
                assertThat(lead.path("coverage80").asDouble())
                        .as(lead.toString())
                        .isBetween(0.0, 0.95);
            }
        }
        assertThat(leadNumbers).containsExactly(0, 1, 3, 6, 24);
        assertThat(leads).isEqualTo(chosen.path("leads"));
        // Recent demand helps: the next hour is forecast better than without history.
        assertThat(leads.get(1).path("rmse").asDouble())
                .isLessThan(leads.get(0).path("rmse").asDouble());
        // The version's metrics are the mean over the leads with history, its score.
        assertThat(version.path("metrics").path("rmse").asDouble())
                .isCloseTo(meanRmse, within(1e-9))
                .isCloseTo(chosen.path("score").asDouble(), within(1e-9));

        // The artifact is the forecaster, its intervals those registered; the legacy one keeps its format.
        Api.BinaryResponse artifact = api.getBytes("/api/v1/models/2/artifact");
        assertThat(artifact.header("X-Artifact-Format")).isEqualTo(ForecasterArtifacts.FORMAT);
        assertThat(version.path("artifactFormat").asString()).isEqualTo(ForecasterArtifacts.FORMAT);
        Forecaster stored = ForecasterArtifacts.read(artifact.body());
        assertThat(stored.algorithm()).isEqualTo(version.path("algorithm").asString());
        assertThat(stored.target().name())
                .isEqualTo(version.path("targetTransform").asString());
        for (int i = 0; i < stored.models().size(); i++) {
            LeadModel model = stored.models().get(i);
            assertThat(model.lead()).isEqualTo(leads.get(i).path("lead").asInt());
            assertThat(model.intervalLow())
                    .isEqualTo(leads.get(i).path("intervalLow").asDouble());
            assertThat(model.intervalHigh())
                    .isEqualTo(leads.get(i).path("intervalHigh").asDouble());
        }
        assertThat(api.getBytes("/api/v1/models/1/artifact").header("X-Artifact-Format"))
                .isEqualTo("tribuo-protobuf+gzip");
        assertThat(api.get("/api/v1/models/1").json().path("artifactFormat").asString())
                .isEqualTo("tribuo-protobuf+gzip");

        // The legacy champion serves every lead with its one forest: on January–February it scores what that forest
        // scores there, at every lead.
        List<TrainingRow> holdout = observations.read("system", HOLDOUT_START);
        ModelMetrics legacy = Evaluation.metrics(legacyForest, holdout);
        JsonNode decision = version.path("decision");
        assertThat(decision.path("championVersion").asLong()).isEqualTo(1);
        assertThat(decision.path("comparisonHours").path("count").asInt()).isEqualTo(holdout.size());
        assertThat(decision.path("championOnComparisonHours").path("rmse").asDouble())
                .isCloseTo(legacy.rmse(), within(1e-9));
        assertThat(decision.path("leadsOnComparisonHours").size()).isEqualTo(4);
        decision.path("leadsOnComparisonHours")
                .forEach(lead -> assertThat(lead.path("champion").path("rmse").asDouble())
                        .isCloseTo(legacy.rmse(), within(1e-9)));
        assertThat(decision.path("candidateOnComparisonHours").path("rmse").asDouble())
                .isCloseTo(meanRmse, within(1e-9))
                .isLessThan(legacy.rmse());
        assertThat(decision.path("outcome").asString()).isEqualTo("champion");
    }

    @Test
    @Order(2)
    void aRunOnTheHoursTheChampionLearnedTakesTheChampionForItsRecipeAndFitsTheOther() {
        INGEST.store(LocalDate.of(2012, 3, 1), LocalDate.of(2012, 3, 8));
        JsonNode champion = api.get("/api/v1/models/champion").json();
        assertThat(champion.path("version").asLong()).isEqualTo(2);

        JsonNode run = awaitFinished(requestRun("{\"reason\": \"a week of March\"}"));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("holdoutStart").asString()).isEqualTo("2012-03-01T00:00:00");
        JsonNode candidates = api.get("/api/v1/models/3").json().path("candidates");

        JsonNode same = null;
        JsonNode fitted = null;
        for (JsonNode candidate : candidates) {
            if (candidate
                    .path("algorithm")
                    .asString()
                    .equals(champion.path("algorithm").asString())) {
                same = candidate;
            } else {
                fitted = candidate;
            }
        }
        assertThat(same.path("evaluatedAsChampion").asLong()).isEqualTo(2);
        assertThat(fitted.has("evaluatedAsChampion")).isFalse();
        // The champion's own forecaster was the evaluation fit of its recipe: its intervals, and its forecasts of
        // March with the stored actuals as history.
        assertThat(same.path("leads")).isEqualTo(rescored(champion, same.path("leads")));
    }

    /** The champion's leads as stored, with its metrics on March recomputed from its artifact. */
    private JsonNode rescored(JsonNode champion, JsonNode leads) {
        Forecaster forecaster = ForecasterArtifacts.read(
                api.getBytes("/api/v1/models/" + champion.path("version").asLong() + "/artifact")
                        .body());
        List<TrainingRow> all = observations.read("system", null);
        List<TrainingRow> march = observations.read("system", LocalDateTime.of(2012, 3, 1, 0, 0));
        WindowHistory history = WindowHistory.of(all);
        for (int i = 0; i < leads.size(); i++) {
            JsonNode lead = leads.get(i);
            JsonNode registered = champion.path("leads").get(i);
            assertThat(lead.path("intervalLow").asDouble())
                    .isEqualTo(registered.path("intervalLow").asDouble());
            assertThat(lead.path("intervalHigh").asDouble())
                    .isEqualTo(registered.path("intervalHigh").asDouble());
            int number = lead.path("lead").asInt();
            double[] forecasts = number == 0
                    ? Forecasts.counts(withoutHistory(forecaster), 1, march, history)
                    : Forecasts.counts(forecaster, number, march, history);
            assertThat(lead.path("rmse").asDouble())
                    .isCloseTo(
                            Evaluation.metrics(Forecasts.actual(march), forecasts)
                                    .rmse(),
                            within(1e-6));
        }
        return leads;
    }

    private static Forecaster withoutHistory(Forecaster forecaster) {
        return new Forecaster(forecaster.algorithm(), forecaster.target(), List.of(forecaster.withoutHistoryModel()));
    }

    private String requestRun(String body) {
        return api.queueRun(body);
    }

    private JsonNode awaitFinished(String id) {
        return api.awaitRun(id, Duration.ofMinutes(3));
    }
}
