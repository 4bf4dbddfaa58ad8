package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.Topics;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.drift.DriftCheckService;
import io.bikecast.monitoring.support.Http;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model family monitored beside the default model (issue 12), on real PostgreSQL and Kafka with the training
 * service's registry played by a {@link FakeTrainingRegistry} that answers each model by {@code ?model=}. Both models
 * have a version 1, with references of different sizes and predictions logged under the same version number, so a
 * check that mixed them up would show it: the family's check reads its own champion's reference and only its own
 * stations' predictions; a drifting family raises its own alert and a retraining request naming it while the default
 * model stays quiet; the cooldown and the resolution of alerts are per model; and {@code ?model=} works on every API,
 * an unknown model being a 404 problem.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.monitoring.model-name=" + MODEL,
            "bikecast.monitoring.families[0].model-name=" + ModelFamilyMonitoringTest.FAMILY,
            "bikecast.monitoring.families[0].series-prefix=sim-*",
            "bikecast.monitoring.drift.schedule-enabled=false",
            "bikecast.monitoring.drift.window-mode=LAST_N",
            "bikecast.monitoring.drift.window-size=400",
            "bikecast.monitoring.drift.min-current-size=200",
            "bikecast.monitoring.live-error.refresh-interval=1h",
            "bikecast.security.api-key.key=" + ModelFamilyMonitoringTest.KEY
        })
@MonitoringLoop
class ModelFamilyMonitoringTest {

    static final String FAMILY = "sim-stations";
    static final String KEY = "test-key";
    private static final List<String> STATIONS = List.of("sim-1", "sim-2", "sim-3", "sim-4");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MonitoringHarness monitoring;

    @Autowired
    private DriftCheckService checks;

    @Autowired
    private MonitoringClock clock;

    private Http http;
    private Model<Regressor> model;
    private List<HourRow> currentRows;
    private ReferenceSample defaultReference;
    private ReferenceSample familyReference;
    private final ModelMetrics holdout = new ModelMetrics(60.0, 40.0, 0.85, 0.4);
    private int hourCursor;

    @BeforeAll
    void aForestTrainedOn2011() {
        http = monitoring.http();
        List<HourRow> rows2011 = MonitoringHarness.shuffled2011();
        model = TestForests.trainForest(rows2011.subList(0, 3000), 10, 7);
        defaultReference = TestForests.referenceSample(model, rows2011.subList(0, 800));
        familyReference = TestForests.referenceSample(model, rows2011.subList(800, 1800));
        currentRows = rows2011.subList(2000, 2400);
    }

    @Test
    @Order(1)
    void aFamilyWithoutAChampionIsSkippedOnScheduleAndAnsweredOnRequest() {
        assertThat(checks.scheduled(FAMILY, clock.now())).isEmpty();
        assertThat(checks.scheduled(MODEL, clock.now())).isEmpty();
        assertThat(monitoring.get("/api/v1/drift/reports").path("totalItems").asLong())
                .as("a skipped scheduled check stores no report")
                .isZero();

        JsonNode asked = check(FAMILY);
        assertThat(asked.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(asked.path("verdict").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(asked.path("detail").asString()).contains("'" + FAMILY + "' has no champion");
        assertThat(asked.path("modelVersion").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void aDriftingFamilyIsCheckedOnItsOwnReferenceAndWindowAndRequestsItsOwnRetraining() throws Exception {
        long defaultVersion = monitoring.registerChampion(model, defaultReference, holdout);
        FakeTrainingRegistry family = monitoring.training().family(FAMILY);
        long familyVersion = family.register(model, familyReference, holdout);
        family.setAlias(ModelPromoted.CHAMPION, familyVersion);
        assertThat(familyVersion).isEqualTo(defaultVersion);

        // The family's stations serve another world; then a series outside its prefix and the default model (of the
        // same version number) log the newest predictions, which a window by version alone would take first.
        List<PredictionLogged> served = new ArrayList<>(stations(familyVersion, anotherWorld()));
        served.addAll(serve(FAMILY, familyVersion, "elsewhere-1", 100, UnaryOperator.identity()));
        served.addAll(serve(MODEL, defaultVersion, "system", 400, UnaryOperator.identity()));
        monitoring.publishAndAwaitStored(served);

        JsonNode report = check(FAMILY);
        assertThat(report.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(report.path("modelVersion").asLong()).isEqualTo(familyVersion);
        assertThat(report.path("referenceSize").asInt())
                .as("the family's champion's reference")
                .isEqualTo(1000);
        assertThat(report.path("currentSize").asInt()).isEqualTo(400);
        assertThat(report.path("seriesCount").asInt())
                .as("its four stations, not the default model's series nor one outside its prefix")
                .isEqualTo(STATIONS.size());
        assertThat(report.path("verdict").asString()).isEqualTo("DRIFT");

        JsonNode quiet = check(MODEL);
        assertThat(quiet.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(quiet.path("referenceSize").asInt()).isEqualTo(800);
        assertThat(quiet.path("currentSize").asInt()).isEqualTo(400);
        assertThat(quiet.path("seriesCount").asInt()).isEqualTo(1);
        assertThat(quiet.path("verdict").asString()).isEqualTo("NO_DRIFT");

        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().modelName()).isEqualTo(FAMILY);
        assertThat(requests.getFirst().driftReportId())
                .hasToString(report.path("id").asString());
        List<DriftDetected> drifts = monitoring.events(Topics.DRIFT.name(), DriftDetected.class);
        assertThat(drifts).hasSize(1);
        assertThat(drifts.getFirst().modelName()).isEqualTo(FAMILY);

        JsonNode alert = monitoring.alert("DRIFT_DETECTED", FAMILY + ":" + familyVersion);
        assertThat(alert).isNotNull();
        assertThat(alert.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(alert.path("state").asString()).isEqualTo("OPEN");
        assertThat(alert.path("title").asString()).isEqualTo("Data drift: " + FAMILY + " v" + familyVersion);
        assertThat(monitoring.alert("DRIFT_DETECTED", MODEL + ":" + defaultVersion))
                .isNull();

        JsonNode familyStatus = monitoring.get("/api/v1/clock?model=" + FAMILY);
        assertThat(familyStatus.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(familyStatus.path("lastRetrainingRequest").path("eventId").asString())
                .isEqualTo(requests.getFirst().eventId().toString());
        assertThat(familyStatus
                        .path("lastRetrainingRequest")
                        .path("reasons")
                        .get(0)
                        .asString())
                .isEqualTo("dataset_drift");
        JsonNode defaultStatus = monitoring.get("/api/v1/clock");
        assertThat(defaultStatus.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(defaultStatus.path("lastRetrainingRequest").isNull()).isTrue();

        assertThat(metric("bikecast_drift_dataset_drift{", "model_name=\"" + FAMILY + "\""))
                .isEqualTo(1.0);
        assertThat(metric("bikecast_drift_dataset_drift{", "model_name=\"" + MODEL + "\""))
                .isZero();
        assertThat(metric("bikecast_training_requests_total{", "model_name=\"" + FAMILY + "\"", "dataset_drift"))
                .isEqualTo(1.0);
    }

    @Test
    @Order(3)
    void theCooldownAndTheAlertsAreEachModelsOwn() {
        long version = 1;
        monitoring.publishAndAwaitStored(serve(MODEL, version, "system", 400, anotherWorld()));
        JsonNode defaultDrift = check(MODEL);
        assertThat(defaultDrift.path("verdict").asString()).isEqualTo("DRIFT");
        JsonNode familyAgain = check(FAMILY);
        assertThat(familyAgain.path("verdict").asString()).isEqualTo("DRIFT");

        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests)
                .as("the family's cooldown does not hold the default model back; its own holds the family's second")
                .extracting(TrainingRequested::modelName)
                .containsExactly(FAMILY, MODEL);
        assertThat(requests.get(1).driftReportId())
                .hasToString(defaultDrift.path("id").asString());

        JsonNode familyAlert = monitoring.alert("DRIFT_DETECTED", FAMILY + ":" + version);
        JsonNode defaultAlert = monitoring.alert("DRIFT_DETECTED", MODEL + ":" + version);
        assertThat(familyAlert.path("occurrences").asInt())
                .as("the family's second raise folds into its own alert")
                .isEqualTo(2);
        assertThat(defaultAlert.path("occurrences").asInt())
                .as("and never into the default model's of the same version")
                .isEqualTo(1);
        assertThat(defaultAlert.path("id").asString())
                .isNotEqualTo(familyAlert.path("id").asString());
    }

    @Test
    @Order(4)
    void aFamilyBackWithoutDriftResolvesOnlyItsOwnAlert() {
        long version = 1;
        monitoring.publishAndAwaitStored(stations(version, UnaryOperator.identity()));
        JsonNode clear = check(FAMILY);
        assertThat(clear.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(clear.path("seriesCount").asInt()).isEqualTo(STATIONS.size());

        JsonNode familyAlert = monitoring.alert("DRIFT_DETECTED", FAMILY + ":" + version);
        assertThat(familyAlert.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(familyAlert.path("resolvedHow").asString()).isEqualTo("CONDITION_CLEARED");
        assertThat(familyAlert.path("resolutionReason").asString())
                .contains(clear.path("id").asString());
        assertThat(monitoring
                        .alert("DRIFT_DETECTED", MODEL + ":" + version)
                        .path("state")
                        .asString())
                .isEqualTo("OPEN");

        JsonNode familyAlerts = monitoring.get("/api/v1/alerts?model=" + FAMILY);
        assertThat(familyAlerts.path("totalItems").asLong()).isEqualTo(1);
        assertThat(familyAlerts.path("items").get(0).path("modelName").asString())
                .isEqualTo(FAMILY);
        assertThat(monitoring
                        .get("/api/v1/alerts?model=" + MODEL + "&state=open")
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void theApisTakeTheModelAndAnswerAnUnknownOneWithANotFoundProblem() {
        JsonNode familyReports = monitoring.get("/api/v1/drift/reports?model=" + FAMILY);
        assertThat(familyReports.path("totalItems").asLong()).isEqualTo(4);
        assertThat(StreamSupport.stream(familyReports.path("items").spliterator(), false)
                        .map(r -> r.path("modelName").asString())
                        .distinct()
                        .toList())
                .containsExactly(FAMILY);
        assertThat(familyReports.path("items").get(0).path("seriesCount").asInt())
                .isEqualTo(STATIONS.size());
        assertThat(monitoring
                        .get("/api/v1/drift/reports?model=" + MODEL)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
        assertThat(monitoring.get("/api/v1/drift/reports").path("totalItems").asLong())
                .isEqualTo(6);

        JsonNode familyLatest = monitoring.get("/api/v1/drift/reports/latest?model=" + FAMILY);
        assertThat(familyLatest.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(familyLatest.path("verdict").asString()).isEqualTo("NO_DRIFT");
        JsonNode defaultLatest = monitoring.get("/api/v1/drift/reports/latest");
        assertThat(defaultLatest.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(defaultLatest.path("verdict").asString()).isEqualTo("DRIFT");
        assertThat(monitoring.get("/api/v1/live-error?model=" + FAMILY).path("windows"))
                .as("no actuals yet: no window of any model")
                .isEmpty();

        assertThat(http.post("/api/v1/drift/checks?model=nowhere-stations", null)
                        .statusCode())
                .as("the key is asked for first")
                .isEqualTo(401);
        assertNotFoundNamingTheModels(http.post("/api/v1/drift/checks?model=nowhere-stations", KEY));
        for (String path : List.of(
                "/api/v1/drift/reports?model=nowhere-stations",
                "/api/v1/drift/reports/latest?model=nowhere-stations",
                "/api/v1/clock?model=nowhere-stations",
                "/api/v1/live-error?model=nowhere-stations",
                "/api/v1/live-error/series?model=nowhere-stations",
                "/api/v1/alerts?model=nowhere-stations")) {
            assertNotFoundNamingTheModels(http.get(path));
        }
        assertThat(monitoring.get("/api/v1/drift/reports").path("totalItems").asLong())
                .as("an unknown model's check stores nothing")
                .isEqualTo(6);
    }

    // ---- helpers

    private static void assertNotFoundNamingTheModels(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(problem.path("detail").asString())
                .contains("no model 'nowhere-stations'")
                .contains(MODEL)
                .contains(FAMILY);
    }

    /** The family's 400 newest predictions: the current rows, transformed, spread over its stations in turn. */
    private List<PredictionLogged> stations(long version, UnaryOperator<UciFeatures> transform) {
        List<PredictionLogged> served = new ArrayList<>();
        for (int i = 0; i < currentRows.size(); i++) {
            LocalDateTime hour = LocalDateTime.of(2011, 6, 1, 0, 0).plusHours(hourCursor++);
            served.add(MonitoringHarness.served(
                    model,
                    FAMILY,
                    version,
                    STATIONS.get(i % STATIONS.size()),
                    hour,
                    transform.apply(currentRows.get(i).features())));
        }
        return served;
    }

    /** {@code count} predictions of one model's series, of the current rows transformed. */
    private List<PredictionLogged> serve(
            String modelName, long version, String series, int count, UnaryOperator<UciFeatures> transform) {
        List<PredictionLogged> served = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime hour = LocalDateTime.of(2011, 6, 1, 0, 0).plusHours(hourCursor++);
            served.add(MonitoringHarness.served(
                    model,
                    modelName,
                    version,
                    series,
                    hour,
                    transform.apply(currentRows.get(i).features())));
        }
        return served;
    }

    /** Warmer, drier, windier and rainy: every weather feature drifts. */
    private static UnaryOperator<UciFeatures> anotherWorld() {
        return f -> {
            double[] v = f.toVector();
            String[] names = FeatureSchema.featureNames();
            for (int i = 0; i < names.length; i++) {
                v[i] = switch (names[i]) {
                    case "temp", "atemp", "windspeed" -> Math.min(1, v[i] + 0.3);
                    case "hum" -> Math.max(0, v[i] - 0.3);
                    case "weathersit" -> 3.0;
                    default -> v[i];
                };
            }
            return UciFeatures.fromVector(v);
        };
    }

    private JsonNode check(String modelName) {
        HttpResponse<String> response = http.post("/api/v1/drift/checks?model=" + modelName, KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** The value of the first Prometheus sample whose line starts with the name and contains every fragment. */
    private double metric(String name, String... fragments) {
        HttpResponse<String> response = http.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return Arrays.stream(response.body().split("\n"))
                .filter(line -> line.startsWith(name))
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .map(value -> value.equals("NaN") ? Double.NaN : Double.parseDouble(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " " + Arrays.toString(fragments)));
    }
}
