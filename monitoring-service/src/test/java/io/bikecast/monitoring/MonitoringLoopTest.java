package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static io.bikecast.monitoring.support.MonitoringHarness.byFeature;
import static io.bikecast.monitoring.support.MonitoringHarness.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.Topics;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.champion.ReferenceProvider;
import io.bikecast.monitoring.support.Http;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.monitoring.support.WebhookServer;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring loop on real PostgreSQL and Kafka, with the training service's registry API played by a {@link
 * FakeTrainingRegistry} and Slack and Discord by a local HTTP server: drift verdicts on fixtures with known answers,
 * p-values checked against independent computations, the states without an answer, the retraining request and its
 * cooldown, the alerts as the webhooks receive them, the reference switching on promotion, a training service that is
 * down, and a webhook outage.
 *
 * <p>The scenarios run in order in one context (one Spring context and database keeps the module's test time low);
 * each drift scenario registers a champion version of its own, so its window holds only its own predictions.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.monitoring.model-name=" + MODEL,
            "bikecast.monitoring.drift.schedule-enabled=false",
            "bikecast.monitoring.drift.window-size=400",
            // Windows by count with the older minimum; DataClockLoopTest runs on the defaults.
            "bikecast.monitoring.drift.window-mode=LAST_N",
            "bikecast.monitoring.drift.min-current-size=200",
            "bikecast.monitoring.alerts.dispatch-interval=200ms",
            "bikecast.monitoring.alerts.retry-initial-interval=200ms",
            "bikecast.monitoring.alerts.retry-max-interval=1s",
            "bikecast.monitoring.alerts.public-base-url=http://monitoring.example:8083/",
            "bikecast.monitoring.live-error.refresh-interval=1h",
            "bikecast.security.api-key.key=test-key"
        })
@MonitoringLoop
class MonitoringLoopTest {

    private static final String KEY = "test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookServer WEBHOOKS = WebhookServer.start();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("bikecast.monitoring.alerts.slack-webhook-url", WEBHOOKS::slackUrl);
        registry.add("bikecast.monitoring.alerts.discord-webhook-url", WEBHOOKS::discordUrl);
    }

    @Autowired
    private MonitoringHarness monitoring;

    @Autowired
    private ReferenceProvider references;

    private Http http;
    private Model<Regressor> model;
    private ReferenceSample reference;
    private List<HourRow> referenceRows;
    private List<HourRow> currentRows;
    private List<HourRow> rows2012;
    private ReferenceSample reference2012;
    private final ModelMetrics holdout = new ModelMetrics(60.0, 40.0, 0.85, 0.4);
    private final ModelMetrics better = new ModelMetrics(45.5, 30.25, 0.912, 0.5);
    private int hourCursor;

    @BeforeAll
    void aForestTrainedOn2011() {
        http = monitoring.http();
        List<HourRow> rows2011 = MonitoringHarness.shuffled2011();
        referenceRows = rows2011.subList(0, 1000);
        currentRows = rows2011.subList(1000, 1400);
        model = TestForests.trainForest(rows2011.subList(0, 3000), 10, 7);
        reference = TestForests.referenceSample(model, referenceRows);
        rows2012 = new ArrayList<>(UciDataset.hours().stream()
                .filter(row -> row.yr() == 1 && row.weathersit() != 4)
                .toList());
        Collections.shuffle(rows2012, new Random(43));
        reference2012 = TestForests.referenceSample(model, rows2012.subList(0, 600));
    }

    @Test
    @Order(1)
    void withoutAChampionThereIsNotEnoughDataAndTheCheckNeedsTheApiKey() throws Exception {
        assertThat(http.post("/api/v1/drift/checks", null).statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/drift/checks", "wrong").statusCode()).isEqualTo(401);

        JsonNode report = check();
        assertThat(report.path("verdict").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(report.path("detail").asString()).contains("no champion");
        assertThat(report.path("modelVersion").isNull()).isTrue();
        assertThat(report.path("driftShare").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void tooFewPredictionsIsNotEnoughDataNeverNoDrift() throws Exception {
        long version = championServing(currentRows.subList(0, 50), UnaryOperator.identity());
        JsonNode report = check();
        assertThat(report.path("modelVersion").asLong()).isEqualTo(version);
        assertThat(report.path("verdict").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(report.path("currentSize").asInt()).isEqualTo(50);
        assertThat(report.path("referenceSize").asInt()).isEqualTo(1000);
        assertThat(report.path("detail").asString()).contains("50 predictions").contains("at least 200");
        assertThat(report.path("features").size()).isZero();
        assertThat(metric("bikecast_drift_dataset_drift")).isNaN();
    }

    @Test
    @Order(3)
    void theSameDistributionDoesNotDrift() throws Exception {
        championServing(currentRows, UnaryOperator.identity());
        JsonNode report = check();
        assertThat(report.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(report.path("currentSize").asInt()).isEqualTo(400);
        assertThat(strings(report.path("driftedFeatures"))).isEmpty();
        assertThat(report.path("predictionDrift").asBoolean()).isFalse();
        assertThat(report.path("driftShare").asDouble()).isZero();
        Map<String, JsonNode> features = byFeature(report);
        assertThat(features).hasSize(13);
        for (String continuous : List.of("temp", "atemp", "hum", "windspeed", "prediction")) {
            assertThat(features.get(continuous).path("test").asString()).isEqualTo("KOLMOGOROV_SMIRNOV");
        }
        for (String discrete :
                List.of("season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit")) {
            assertThat(features.get(discrete).path("test").asString()).isEqualTo("CHI_SQUARE");
        }
        assertThat(features.get("prediction").path("role").asString()).isEqualTo("PREDICTION");
        for (String calendar : List.of("season", "yr", "mnth", "hr", "holiday", "weekday", "workingday")) {
            assertThat(features.get(calendar).path("role").asString()).isEqualTo("CALENDAR");
            assertThat(features.get(calendar).path("reference").asString()).isEqualTo("all-history");
        }
        // The fixture's reference sample has no hours: weather falls back to the whole reference, and says so.
        for (String weather : List.of("temp", "atemp", "hum", "windspeed", "weathersit", "prediction")) {
            assertThat(features.get(weather).path("reference").asString()).isEqualTo("all-history");
            assertThat(features.get(weather).path("referenceSize").asInt()).isEqualTo(1000);
        }
        assertThat(features.get("temp").path("role").asString()).isEqualTo("WEATHER");
        assertThat(report.path("weatherReference").path("reference").asString()).isEqualTo("all-history");
        assertThat(report.path("weatherReference").path("note").asString()).contains("no hours");
        assertThat(report.path("detail").asString()).contains("whole reference (1000 rows)");
        assertThat(metric("bikecast_drift_dataset_drift")).isZero();
    }

    @Test
    @Order(4)
    void aShiftedTemperatureDriftsTempAndNothingElse() throws Exception {
        UnaryOperator<UciFeatures> warmer = f -> with(f, Map.of("temp", Math.min(1.0, f.temp() + 0.15)));
        championServing(currentRows, warmer);
        JsonNode report = check();
        assertThat(strings(report.path("driftedFeatures"))).containsExactly("temp");
        assertThat(report.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(report.path("driftShare").asDouble()).isEqualTo(1.0 / 5);

        // D and its asymptotic p-value, computed here by brute force over the two empirical CDFs and the
        // Kolmogorov series 2·Σ(−1)^(k−1)·exp(−2k²λ²), λ = D·√(nm/(n+m)), independently of Commons Math.
        double[] ref = reference.values("temp");
        double[] cur = currentRows.stream()
                .mapToDouble(row -> warmer.apply(row.features()).temp())
                .toArray();
        double d = ksStatistic(ref, cur);
        double lambda = d * Math.sqrt(ref.length * (double) cur.length / (ref.length + cur.length));
        double p = 0;
        for (int k = 1; k <= 100; k++) {
            p += 2 * Math.pow(-1, k - 1) * Math.exp(-2.0 * k * k * lambda * lambda);
        }
        JsonNode temp = byFeature(report).get("temp");
        assertThat(temp.path("statistic").asDouble()).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(temp.path("effectSize").asDouble())
                .isEqualTo(temp.path("statistic").asDouble());
        assertThat(temp.path("pValue").asDouble())
                .isCloseTo(Math.max(0, p), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(temp.path("verdict").asString()).isEqualTo("DRIFT");
    }

    @Test
    @Order(5)
    void aChangedWeatherMixDriftsWeathersitAndNothingElse() throws Exception {
        // Half of the clear hours become rain: the other features are left exactly as they were.
        int[] index = {0};
        UnaryOperator<UciFeatures> rainier =
                f -> f.weathersit() == 1 && index[0]++ % 2 == 0 ? with(f, Map.of("weathersit", 3.0)) : f;
        List<UciFeatures> current =
                currentRows.stream().map(row -> rainier.apply(row.features())).toList();
        championServing(current);
        JsonNode report = check();
        assertThat(strings(report.path("driftedFeatures"))).containsExactly("weathersit");

        // Pearson's chi-square of the 2×3 table with expected counts from the margins, and its p-value from the
        // closed form for 2 degrees of freedom, exp(−χ²/2): independent of Commons Math.
        long[][] table = new long[2][3];
        for (double code : reference.values("weathersit")) {
            table[0][(int) code - 1]++;
        }
        for (UciFeatures f : current) {
            table[1][f.weathersit() - 1]++;
        }
        double chi2 = pearson(table);
        JsonNode weathersit = byFeature(report).get("weathersit");
        assertThat(weathersit.path("degreesOfFreedom").asInt()).isEqualTo(2);
        assertThat(weathersit.path("statistic").asDouble()).isCloseTo(chi2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weathersit.path("pValue").asDouble())
                .isCloseTo(Math.exp(-chi2 / 2), org.assertj.core.data.Offset.offset(1e-12));
        double tvd = 0;
        for (int c = 0; c < 3; c++) {
            tvd += Math.abs(table[0][c] / 1000.0 - table[1][c] / 400.0) / 2;
        }
        assertThat(weathersit.path("effectSize").asDouble()).isCloseTo(tvd, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    @Order(6)
    void datasetDriftRequestsRetrainingOnceAndAlertsSlackAndDiscord() throws Exception {
        UnaryOperator<UciFeatures> anotherWorld = f -> with(
                f,
                Map.of(
                        "yr", 1.0,
                        "temp", Math.min(1, f.temp() + 0.3),
                        "atemp", Math.min(1, f.atemp() + 0.3),
                        "hum", Math.max(0, f.hum() - 0.3),
                        "windspeed", Math.min(1, f.windspeed() + 0.3),
                        "weathersit", 3.0));
        long version = championServing(currentRows, anotherWorld);
        JsonNode report = check();
        String reportId = report.path("id").asString();
        assertThat(report.path("verdict").asString()).isEqualTo("DRIFT");
        // The year is a calendar feature: reported, never counted. All five weather features drifted.
        assertThat(strings(report.path("driftedFeatures")))
                .containsExactly("weathersit", "temp", "atemp", "hum", "windspeed");
        assertThat(strings(report.path("driftedCalendarFeatures"))).containsExactly("yr");
        assertThat(report.path("driftShare").asDouble()).isEqualTo(1.0);

        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().modelName()).isEqualTo(MODEL);
        assertThat(requests.getFirst().source()).isEqualTo(TriggerSource.MONITORING);
        assertThat(requests.getFirst().driftReportId()).hasToString(reportId);
        assertThat(requests.getFirst().reason()).startsWith("dataset drift: 5 of 5 weather features drifted");
        List<DriftDetected> drifts = monitoring.events(Topics.DRIFT.name(), DriftDetected.class);
        assertThat(drifts).hasSize(1);
        assertThat(drifts.getFirst().reportId()).hasToString(reportId);
        assertThat(drifts.getFirst().modelVersion()).isEqualTo(version);
        assertThat(drifts.getFirst().driftedFeatures())
                .containsExactly("weathersit", "temp", "atemp", "hum", "windspeed");
        assertThat(drifts.getFirst().driftShare()).isEqualTo(1.0);

        String title = "Data drift: " + MODEL + " v" + version;
        String link = "http://monitoring.example:8083/api/v1/drift/reports/" + reportId + "/html";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WEBHOOKS.slackMessages(title).isEmpty()
                        && !WEBHOOKS.discordMessages(title).isEmpty());

        JsonNode slack = WEBHOOKS.slackMessages(title).getFirst();
        assertThat(slack.path("text").asString()).isEqualTo("[WARNING] " + title);
        JsonNode blocks = slack.path("blocks");
        assertThat(blocks.size()).isEqualTo(4);
        assertThat(blocks.path(0).path("type").asString()).isEqualTo("header");
        assertThat(blocks.path(0).path("text").path("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.path(0).path("text").path("text").asString()).isEqualTo(title);
        assertThat(blocks.path(1).path("type").asString()).isEqualTo("section");
        assertThat(blocks.path(1).path("text").path("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.path(1).path("text").path("text").asString())
                .isEqualTo(report.path("detail").asString());
        // One field per drifted column (the prediction too, when it drifted), then the share and the window.
        List<String> expectedFields = new ArrayList<>(byFeature(report).values().stream()
                .filter(f -> f.path("verdict").asString().equals("DRIFT"))
                .map(f -> f.path("feature").asString())
                .toList());
        assertThat(expectedFields).containsAll(List.of("yr", "weathersit", "temp", "atemp", "hum", "windspeed"));
        expectedFields.addAll(List.of("drift share", "window"));
        JsonNode slackFields = blocks.path(2).path("fields");
        assertThat(blocks.path(2).path("type").asString()).isEqualTo("section");
        assertThat(slackFields.size()).isEqualTo(expectedFields.size());
        assertThat(slackFields.path(0).path("type").asString()).isEqualTo("mrkdwn");
        List<String> slackFieldNames = StreamSupport.stream(slackFields.spliterator(), false)
                .map(field -> field.path("text").asString().split("\n")[0])
                .toList();
        assertThat(slackFieldNames)
                .containsExactlyInAnyOrderElementsOf(
                        expectedFields.stream().map(name -> "*" + name + "*").toList());
        // Largest effect first: yr moved all its mass (total variation distance 1).
        assertThat(slackFields.path(0).path("text").asString())
                .startsWith("*yr*\nχ² = ")
                .contains("TVD = 1.000");
        assertThat(blocks.path(3).path("type").asString()).isEqualTo("context");
        assertThat(blocks.path(3).path("elements").path(0).path("text").asString())
                .contains("Severity: *WARNING*")
                .contains("occurrences: 1")
                .contains("<" + link + "|details>");

        JsonNode discord = WEBHOOKS.discordMessages(title).getFirst();
        assertThat(discord.path("username").asString()).isEqualTo("bikecast");
        JsonNode embed = discord.path("embeds").path(0);
        assertThat(discord.path("embeds").size()).isEqualTo(1);
        assertThat(embed.path("title").asString()).isEqualTo(title);
        assertThat(embed.path("description").asString())
                .isEqualTo(report.path("detail").asString());
        assertThat(embed.path("color").asInt()).isEqualTo(0xECB22E);
        assertThat(embed.path("url").asString()).isEqualTo(link);
        int n = expectedFields.size();
        assertThat(embed.path("fields").size()).isEqualTo(n);
        assertThat(embed.path("fields").path(0).path("name").asString()).isEqualTo("yr");
        assertThat(embed.path("fields").path(0).path("value").asString())
                .startsWith("χ² = ")
                .contains("TVD = 1.000")
                .contains("mean 0.00 → 1.00")
                .endsWith("(calendar: not counted)");
        assertThat(embed.path("fields").path(0).path("inline").asBoolean()).isTrue();
        assertThat(embed.path("fields").path(n - 2).path("name").asString()).isEqualTo("drift share");
        assertThat(embed.path("fields").path(n - 2).path("value").asString()).isEqualTo("100%");
        assertThat(embed.path("fields").path(n - 1).path("name").asString()).isEqualTo("window");
        assertThat(embed.path("fields").path(n - 1).path("value").asString())
                .isEqualTo("400 predictions vs 1000 reference rows");
        assertThat(embed.path("footer").path("text").asString())
                .contains("DRIFT_DETECTED")
                .contains("WARNING");
        assertThat(Instant.parse(embed.path("timestamp").asString())).isBefore(Instant.now());

        // The same episode checked again: no second retraining request, and the alert is folded, not resent.
        JsonNode again = check();
        assertThat(again.path("verdict").asString()).isEqualTo("DRIFT");
        assertThat(monitoring.trainingRequests()).hasSize(1);
        assertThat(monitoring.events(Topics.DRIFT.name(), DriftDetected.class)).hasSize(1);
        assertThat(monitoring
                        .jdbc()
                        .queryForObject(
                                "SELECT report_id::text FROM monitoring.retraining_trigger WHERE model_name = ?",
                                String.class,
                                MODEL))
                .as("the cooldown is in the database, so a restart keeps it")
                .isEqualTo(reportId);
        JsonNode alert = monitoring.alert("DRIFT_DETECTED", null);
        assertThat(alert.path("occurrences").asInt()).isEqualTo(2);
        assertThat(alert.path("deliveries").size()).isEqualTo(2);
        for (JsonNode delivery : alert.path("deliveries")) {
            assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        }
        assertThat(WEBHOOKS.slackMessages(title)).hasSize(1);
        assertThat(WEBHOOKS.discordMessages(title)).hasSize(1);

        assertThat(metric("bikecast_drift_dataset_drift")).isEqualTo(1.0);
        assertThat(metric("bikecast_drift_share")).isEqualTo(1.0);
        assertThat(metric("bikecast_training_requests_total{", "reason=\"dataset_drift\""))
                .isEqualTo(1.0);
        assertThat(metric("bikecast_drift_feature_statistic{", "feature=\"yr\""))
                .isPositive();
        assertThat(metric("bikecast_drift_feature_p_value{", "feature=\"hr\"")).isBetween(0.0, 1.0);
        assertThat(metric("bikecast_drift_checks_total{", "verdict=\"DRIFT\"")).isEqualTo(2.0);
        assertThat(metric("bikecast_drift_last_check_timestamp_seconds")).isPositive();
    }

    @Test
    @Order(7)
    void reportsAreListedPagedAndReadableAsAPage() throws Exception {
        JsonNode page = JSON.readTree(ok(http.get("/api/v1/drift/reports?page=0&size=3")));
        assertThat(page.path("totalItems").asLong()).isEqualTo(7);
        assertThat(page.path("items").size()).isEqualTo(3);
        JsonNode latest = JSON.readTree(ok(http.get("/api/v1/drift/reports/latest")));
        assertThat(latest.path("id").asString())
                .isEqualTo(page.path("items").path(0).path("id").asString());
        assertThat(JSON.readTree(ok(http.get(
                                "/api/v1/drift/reports/" + latest.path("id").asString())))
                        .path("features")
                        .size())
                .isEqualTo(13);

        HttpResponse<String> html =
                http.get("/api/v1/drift/reports/" + latest.path("id").asString() + "/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body())
                .contains("Verdict: <span class=\"DRIFT\">DRIFT</span>")
                .contains("Kolmogorov–Smirnov")
                .contains("chi-square (df 1)")
                .doesNotContain("<script")
                .doesNotContain("https://");
        assertThat(html.body().split("<svg", -1)).hasSize(14);
        // Kept for a person (or a headless browser) to look at: target/drift-report-example.html.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "drift-report-example.html"), html.body());

        UUID unknown = UUID.randomUUID();
        HttpResponse<String> missing = http.get("/api/v1/drift/reports/" + unknown);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        JsonNode notFound = JSON.readTree(missing.body());
        assertThat(notFound.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(notFound.path("detail").asString()).isEqualTo("no drift report " + unknown);
        assertThat(notFound.path("instance").asString()).isEqualTo("/api/v1/drift/reports/" + unknown);
        HttpResponse<String> badPage = http.get("/api/v1/drift/reports?size=0");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPage.body())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("size");
    }

    @Test
    @Order(8)
    void aBrokenReferenceIsAnErrorAndTriggersNothing() throws Exception {
        Map<String, double[]> withoutTemp = new HashMap<>(reference.features());
        withoutTemp.remove("temp");
        long version =
                monitoring.registerChampion(model, new ReferenceSample(withoutTemp, reference.predictions()), holdout);
        serve(version, currentRows.stream().map(HourRow::features).toList());

        JsonNode report = check();
        assertThat(report.path("verdict").asString()).isEqualTo("ERROR");
        assertThat(report.path("detail").asString()).contains("temp");
        assertThat(report.path("driftShare").isNull()).isTrue();
        assertThat(monitoring.trainingRequests()).hasSize(1);
        assertThat(metric("bikecast_drift_dataset_drift")).isNaN();
        assertThat(metric("bikecast_drift_checks_total{", "verdict=\"ERROR\"")).isEqualTo(1.0);
    }

    @Test
    @Order(9)
    void aPromotedChampionBringsItsOwnReferenceAndIsAnnounced() throws Exception {
        long previous = monitoring.registerChampion(model, reference, holdout);
        long promoted = monitoring.registerChampion(model, reference2012, better);
        monitoring.publish(ModelPromoted.of(
                MODEL, promoted, "champion", "sha", previous, "beat the champion on the holdout", better, holdout));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> references
                        .loaded(MODEL)
                        .map(r -> r.version() == promoted)
                        .orElse(false));
        assertThat(references.loaded(MODEL).orElseThrow().sample().size()).isEqualTo(600);

        String title = "New champion: " + MODEL + " v" + promoted;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WEBHOOKS.discordMessages(title).isEmpty()
                        && !WEBHOOKS.slackMessages(title).isEmpty());
        JsonNode embed =
                WEBHOOKS.discordMessages(title).getFirst().path("embeds").path(0);
        assertThat(embed.path("color").asInt()).isEqualTo(0x2EB67D);
        assertThat(embed.path("description").asString())
                .isEqualTo(MODEL + " v" + previous + " → v" + promoted + ": beat the champion on the holdout");
        assertThat(embed.path("fields").path(0).path("name").asString()).isEqualTo("new version");
        assertThat(embed.path("fields").path(0).path("value").asString())
                .isEqualTo("v" + promoted + " · RMSE 45.5, MAE 30.3, R² 0.912");
        assertThat(embed.path("fields").path(1).path("name").asString()).isEqualTo("previous version");
        assertThat(embed.path("fields").path(1).path("value").asString())
                .isEqualTo("v" + previous + " · RMSE 60.0, MAE 40.0, R² 0.850");

        // 2012 traffic against a 2012 reference: the year no longer drifts.
        List<UciFeatures> current =
                rows2012.subList(600, 900).stream().map(HourRow::features).toList();
        serve(promoted, current);
        JsonNode report = check();
        assertThat(report.path("modelVersion").asLong()).isEqualTo(promoted);
        assertThat(report.path("referenceSize").asInt()).isEqualTo(600);
        assertThat(report.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(strings(report.path("driftedCalendarFeatures"))).doesNotContain("yr");

        // The model's next check without drift clears the drift alert raised for the version before it.
        JsonNode drift = monitoring.alert("DRIFT_DETECTED", null);
        assertThat(drift.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(drift.path("resolvedHow").asString()).isEqualTo("CONDITION_CLEARED");
        assertThat(drift.path("resolutionReason").asString())
                .startsWith("the drift check " + report.path("id").asString() + " of v" + promoted
                        + " found no dataset drift");
        String driftTitle = drift.path("title").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WEBHOOKS.slackMessages("[RESOLVED] " + driftTitle).isEmpty()
                        && !WEBHOOKS.discordMessages("Resolved: " + driftTitle).isEmpty());
        assertThat(WebhookServer.slackSummary(
                        WEBHOOKS.slackMessages("[RESOLVED] " + driftTitle).getFirst()))
                .isEqualTo("The condition cleared: "
                        + drift.path("resolutionReason").asString());
        assertThat(WEBHOOKS.slackMessages("[WARNING] " + driftTitle))
                .as("the alert itself, once")
                .hasSize(1);
    }

    @Test
    @Order(10)
    void whileTheTrainingServiceIsDownAChecksVerdictIsAnErrorAndNothingIsLost() throws Exception {
        FakeTrainingRegistry training = monitoring.training();
        long previous = references.loaded(MODEL).orElseThrow().version();
        training.stop();

        // Promoted and served while monitoring cannot reach the registry: the event and the predictions are kept.
        long promoted = monitoring.registerChampion(model, reference2012, better);
        monitoring.announce(ModelPromoted.of(
                MODEL, promoted, "champion", "sha", previous, "promoted during the outage", better, holdout));
        assertThat(references.loaded(MODEL).orElseThrow().version())
                .as("its reference sample could not be fetched yet")
                .isEqualTo(previous);
        serve(
                promoted,
                rows2012.subList(900, 1200).stream().map(HourRow::features).toList());

        JsonNode down = check();
        assertThat(down.path("verdict").asString()).isEqualTo("ERROR");
        assertThat(down.path("detail").asString())
                .contains("registry at " + training.baseUrl())
                .contains("did not answer GET /api/v1/models/champion");
        assertThat(down.path("modelVersion").isNull()).isTrue();
        assertThat(down.path("driftShare").isNull()).isTrue();
        assertThat(down.path("features").size()).isZero();
        assertThat(metric("bikecast_drift_dataset_drift"))
                .as("no answer, never no drift")
                .isNaN();
        assertThat(metric("bikecast_drift_checks_total{", "verdict=\"ERROR\"")).isEqualTo(2.0);
        assertThat(monitoring.trainingRequests()).hasSize(1);
        assertThat(monitoring.get("/api/v1/drift/reports/latest").path("id").asString())
                .isEqualTo(down.path("id").asString());

        training.restart();
        JsonNode back = check();
        assertThat(back.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(back.path("modelVersion").asLong()).isEqualTo(promoted);
        assertThat(back.path("referenceSize").asInt()).isEqualTo(600);
        assertThat(back.path("currentSize").asInt()).isEqualTo(300);
        assertThat(references.loaded(MODEL).orElseThrow().version()).isEqualTo(promoted);
        assertThat(metric("bikecast_drift_dataset_drift")).isZero();
    }

    @Test
    @Order(11)
    @ExtendWith(OutputCaptureExtension.class)
    void aWebhookThatIsDownDelaysTheAlertAndDeliversItExactlyOnce(CapturedOutput output) throws Exception {
        WEBHOOKS.down();
        TrainingFailed failed = TrainingFailed.of(MODEL, UUID.randomUUID(), "out of memory", TriggerSource.MONITORING);
        monitoring.publish(failed);
        monitoring.publish(failed); // Kafka redelivers: the second copy must raise nothing.

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode alert = monitoring.alert("TRAINING_FAILED", null);
            return alert != null
                    && StreamSupport.stream(alert.path("deliveries").spliterator(), false)
                            .allMatch(d -> d.path("attempts").asInt() >= 2
                                    && d.path("state").asString().equals("PENDING"));
        });
        JsonNode pending = monitoring.alert("TRAINING_FAILED", null);
        assertThat(pending.path("deliveries").path(0).path("lastError").asString())
                .startsWith("could not deliver to ");
        // The webhooks' URLs hold their tokens: not in what is stored, shown without a key, or logged (issue 15.6).
        String shown = http.get("/api/v1/alerts?size=100").body();
        assertThat(shown).contains("could not deliver to Slack").contains("could not deliver to Discord");
        for (String token : List.of(WebhookServer.SLACK_TOKEN, WebhookServer.DISCORD_TOKEN)) {
            assertThat(shown).doesNotContain(token);
            assertThat(output.getAll()).doesNotContain(token);
        }

        WEBHOOKS.up();
        String title = "Training failed: " + MODEL;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> StreamSupport.stream(
                                monitoring
                                        .alert("TRAINING_FAILED", null)
                                        .path("deliveries")
                                        .spliterator(),
                                false)
                        .allMatch(d -> d.path("state").asString().equals("DELIVERED")));
        // Over several dispatcher runs (every 200 ms), nothing may be sent twice.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> WEBHOOKS.slackMessages(title).size() == 1
                        && WEBHOOKS.discordMessages(title).size() == 1);
        assertThat(WEBHOOKS.slackMessages(title)).hasSize(1);
        assertThat(WEBHOOKS.discordMessages(title)).hasSize(1);
        JsonNode embed =
                WEBHOOKS.discordMessages(title).getFirst().path("embeds").path(0);
        assertThat(embed.path("color").asInt()).isEqualTo(0xE01E5A);
        assertThat(embed.path("description").asString()).isEqualTo("out of memory");
        assertThat(embed.path("fields").path(0).path("value").asString())
                .isEqualTo(failed.runId().toString());
        assertThat(monitoring.alert("TRAINING_FAILED", null).path("occurrences").asInt())
                .isEqualTo(1);
        assertThat(metric("bikecast_alert_deliveries_total{", "channel=\"SLACK\"", "outcome=\"failed\""))
                .isGreaterThanOrEqualTo(2.0);
    }

    // ---- helpers

    /** Registers a new champion version and has it serve the given rows, transformed; returns the version. */
    private long championServing(List<HourRow> rows, UnaryOperator<UciFeatures> transform) {
        return championServing(
                rows.stream().map(row -> transform.apply(row.features())).toList());
    }

    /** Registers a new champion version and has it serve exactly these inputs; returns the version. */
    private long championServing(List<UciFeatures> features) {
        long version = monitoring.registerChampion(model, reference, holdout);
        serve(version, features);
        return version;
    }

    /** The version serves these inputs, one predicted hour each after the last served, and monitoring stores them. */
    private void serve(long version, List<UciFeatures> features) {
        List<PredictionLogged> served = new ArrayList<>();
        for (UciFeatures f : features) {
            LocalDateTime hour = LocalDateTime.of(2012, 1, 1, 0, 0).plusHours(hourCursor++);
            served.add(MonitoringHarness.served(model, version, hour, f));
        }
        monitoring.publishAndAwaitStored(version, served);
    }

    private JsonNode check() throws Exception {
        HttpResponse<String> response = http.post("/api/v1/drift/checks", KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(response.body());
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/v1/drift/reports/" + report.path("id").asString());
        return report;
    }

    /** The value of the first Prometheus sample whose line starts with the name and contains every fragment. */
    private double metric(String name, String... fragments) throws Exception {
        String body = ok(http.get("/actuator/prometheus"));
        return Arrays.stream(body.split("\n"))
                .filter(line -> line.startsWith(name)
                        && (line.charAt(name.length() - 1) == '{'
                                || line.charAt(name.length()) == ' '
                                || line.charAt(name.length()) == '{'))
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .map(value -> value.equals("NaN") ? Double.NaN : Double.parseDouble(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " " + Arrays.toString(fragments)));
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static UciFeatures with(UciFeatures f, Map<String, Double> changes) {
        double[] vector = f.toVector();
        String[] names = io.bikecast.common.features.FeatureSchema.featureNames();
        for (int i = 0; i < names.length; i++) {
            if (changes.containsKey(names[i])) {
                vector[i] = changes.get(names[i]);
            }
        }
        return UciFeatures.fromVector(vector);
    }

    /** The largest distance between the two empirical CDFs, evaluated at every observed value. */
    private static double ksStatistic(double[] a, double[] b) {
        double[] points = IntStream.range(0, a.length + b.length)
                .mapToDouble(i -> i < a.length ? a[i] : b[i - a.length])
                .toArray();
        double d = 0;
        for (double t : points) {
            d = Math.max(d, Math.abs(ecdf(a, t) - ecdf(b, t)));
        }
        return d;
    }

    private static double ecdf(double[] values, double t) {
        return Arrays.stream(values).filter(v -> v <= t).count() / (double) values.length;
    }

    /** Pearson's chi-square of a 2×k table, expected counts from the margins. */
    private static double pearson(long[][] table) {
        int k = table[0].length;
        double total = 0;
        double[] rows = new double[2];
        double[] columns = new double[k];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < k; c++) {
                rows[r] += table[r][c];
                columns[c] += table[r][c];
                total += table[r][c];
            }
        }
        double chi2 = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < k; c++) {
                double expected = rows[r] * columns[c] / total;
                chi2 += Math.pow(table[r][c] - expected, 2) / expected;
            }
        }
        return chi2;
    }
}
