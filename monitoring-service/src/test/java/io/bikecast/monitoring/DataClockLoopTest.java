package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static io.bikecast.monitoring.support.MonitoringHarness.byFeature;
import static io.bikecast.monitoring.support.MonitoringHarness.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.Topics;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.support.Http;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The monitoring loop on the data clock, with the shipped defaults, on real PostgreSQL and Kafka: time moves only
 * with the hours of the actuals published here, one hour at a time, as a backtest feeds them. Two weeks of September
 * 2012 are served by a forest whose reference sample is 2011 with its hours: the drift check runs every 24 data
 * hours, the refresh is requested 7 data days after the fit's last hour and the cooldown counts data hours, a shift of
 * the calendar alone is no dataset drift while a shift of the weather against the same weeks of 2011 is, and live
 * error is judged against each champion's own holdout error.
 *
 * <p>The scenarios run in order on one time line; every hour is served by exactly one champion version.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.clock.mode=data",
            "bikecast.monitoring.model-name=" + MODEL,
            "bikecast.monitoring.live-error.refresh-interval=1h",
            // The time line below gives each trigger its own week; the shipped 72 h would fire the refresh first.
            "bikecast.monitoring.policy.refresh-interval=7d",
            // With a weekly refresh a champion serves long enough for the window of three days this time line expects.
            "bikecast.monitoring.drift.min-current-size=72"
        })
@MonitoringLoop
class DataClockLoopTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDateTime FIRST_FIT_THROUGH = LocalDateTime.of(2012, 8, 31, 23, 0);
    private static final LocalDateTime START = LocalDateTime.of(2012, 9, 1, 0, 0);

    @Autowired
    private MonitoringHarness monitoring;

    private Http http;
    private Model<Regressor> model;
    private ReferenceSample reference;
    private List<HourRow> rows2011;
    private final Map<LocalDateTime, Integer> actuals = new HashMap<>();
    private final Random random = new Random(11);
    private LocalDateTime clock;

    @BeforeAll
    void aForestOn2011WithAReferenceThatKnowsItsHours() {
        http = monitoring.http();
        rows2011 = UciDataset.hours().stream()
                .filter(row -> row.yr() == 0 && row.weathersit() != 4)
                .toList();
        List<HourRow> shuffled = new ArrayList<>(rows2011);
        Collections.shuffle(shuffled, new Random(42));
        model = TestForests.trainForest(shuffled.subList(0, 3000), 10, 7);
        ReferenceSample withoutHours = TestForests.referenceSample(model, rows2011);
        reference = new ReferenceSample(
                withoutHours.features(),
                withoutHours.predictions(),
                rows2011.stream().map(row -> row.dteday().atTime(row.hr(), 0)).toList());
    }

    @Test
    @Order(1)
    void beforeTheFirstActualTheDataClockHasNoHour() {
        JsonNode clockNow = clockNow();
        assertThat(clockNow.path("mode").asString()).isEqualTo("data");
        assertThat(clockNow.path("now").isNull()).isTrue();
        assertThat(clockNow.path("lastRetrainingRequest").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void aDriftCheckRunsEveryTwentyFourDataHours() {
        long v1 = promote(new ModelMetrics(60.0, 40.0, 0.85, 0.4), FIRST_FIT_THROUGH);
        serve(v1, START, LocalDateTime.of(2012, 9, 8, 23, 0), UnaryOperator.identity(), 20);

        feedThrough(START);
        assertThat(clockNow().path("now").asString()).isEqualTo("2012-09-01T00:00");
        assertThat(scheduledChecks()).hasSize(1);

        feedThrough(LocalDateTime.of(2012, 9, 1, 23, 0));
        assertThat(scheduledChecks())
                .as("no check before 24 data hours have passed")
                .hasSize(1);

        feedThrough(LocalDateTime.of(2012, 9, 2, 0, 0));
        List<JsonNode> checks = scheduledChecks();
        assertThat(checks).hasSize(2);
        JsonNode second = report(checks.getFirst().path("id").asString());
        assertThat(hour(second.path("clockTime"))).isEqualTo(LocalDateTime.of(2012, 9, 2, 0, 0));
        // The window is the week of predicted hours ending at the clock: here the 25 hours served so far.
        assertThat(hour(second.path("window").path("lastHour"))).isEqualTo(LocalDateTime.of(2012, 9, 2, 0, 0));
        assertThat(second.path("window").path("mode").asString()).isEqualTo("LAST_HOURS");
        assertThat(second.path("currentSize").asInt()).isEqualTo(25);
        assertThat(second.path("verdict").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(second.path("detail").asString()).contains("25 predictions").contains("at least 72");

        assertThat(monitoring.jdbc().queryForObject("SELECT hour::text FROM monitoring.data_clock", String.class))
                .as("the clock is stored, so a restart keeps it")
                .isEqualTo("2012-09-02 00:00:00");
        assertThat(monitoring.trainingRequests()).isEmpty();
    }

    @Test
    @Order(3)
    void aWindowWhoseCalendarDiffersButWhoseWeatherMatchesTheSameWeeksDoesNotDrift() throws Exception {
        feedThrough(LocalDateTime.of(2012, 9, 7, 22, 0));
        JsonNode report = reportAt(LocalDateTime.of(2012, 9, 7, 0, 0));
        assertThat(report.path("currentSize").asInt()).isEqualTo(145);
        assertThat(report.path("verdict").asString()).isEqualTo("NO_DRIFT");
        assertThat(strings(report.path("driftedFeatures"))).isEmpty();
        // September 2012 against all of 2011: the year, the month and the season differ, as the calendar moves.
        assertThat(strings(report.path("driftedCalendarFeatures"))).contains("yr", "mnth", "season");
        assertThat(report.path("driftShare").asDouble()).isZero();

        JsonNode weatherReference = report.path("weatherReference");
        assertThat(weatherReference.path("reference").asString()).isEqualTo("seasonal");
        assertThat(weatherReference.path("referenceFrom").asString()).isEqualTo("08-18");
        assertThat(weatherReference.path("referenceTo").asString()).isEqualTo("09-21");
        int seasonalSize = seasonalRows(LocalDateTime.of(2011, 8, 18, 0, 0), LocalDateTime.of(2011, 9, 21, 23, 0));
        assertThat(weatherReference.path("referenceSize").asInt()).isEqualTo(seasonalSize);
        Map<String, JsonNode> features = byFeature(report);
        for (String weather : List.of("temp", "atemp", "hum", "windspeed", "weathersit", "prediction")) {
            assertThat(features.get(weather).path("reference").asString()).isEqualTo("seasonal");
            assertThat(features.get(weather).path("referenceSize").asInt()).isEqualTo(seasonalSize);
            assertThat(features.get(weather).path("referenceFrom").asString()).isEqualTo("08-18");
        }
        for (String calendar : List.of("yr", "season", "mnth", "weekday", "hr", "holiday", "workingday")) {
            assertThat(features.get(calendar).path("role").asString()).isEqualTo("CALENDAR");
            assertThat(features.get(calendar).path("reference").asString()).isEqualTo("all-history");
            assertThat(features.get(calendar).path("referenceSize").asInt()).isEqualTo(reference.size());
        }

        HttpResponse<String> html =
                http.get("/api/v1/drift/reports/" + report.path("id").asString() + "/html");
        // The page escapes the ellipsis as &hellip;.
        assertThat(html.body())
                .contains("seasonal reference (08-18 &hellip; 09-21 of every year, " + seasonalSize + " rows)")
                .contains("seasonal 08-18 &hellip; 09-21 (" + seasonalSize + " rows)")
                .contains("all-history (" + reference.size() + " rows)");
        assertThat(monitoring.trainingRequests()).as("nothing is due yet").isEmpty();
    }

    @Test
    @Order(4)
    void aRefreshIsRequestedSevenDataDaysAfterTheFitsLastHourAndTheCooldownCountsDataHours() {
        feedThrough(LocalDateTime.of(2012, 9, 7, 23, 0));
        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(1);
        TrainingRequested refresh = requests.getFirst();
        assertThat(refresh.source()).isEqualTo(TriggerSource.MONITORING);
        assertThat(refresh.driftReportId()).isNull();
        assertThat(refresh.reason())
                .isEqualTo("scheduled refresh: the served fit of v1 learned from data through 2012-08-31T23:00,"
                        + " 7d before 2012-09-07T23:00 (refresh interval 7d)");
        JsonNode last = clockNow().path("lastRetrainingRequest");
        assertThat(last.path("eventId").asString()).isEqualTo(refresh.eventId().toString());
        assertThat(last.path("at").asString()).isEqualTo("2012-09-07T23:00");
        assertThat(strings(last.path("reasons"))).containsExactly("scheduled_refresh");
        assertThat(last.path("reason").asString()).isEqualTo(refresh.reason());
        assertThat(monitoring.events(Topics.DRIFT.name(), DriftDetected.class))
                .as("a refresh is a request, not a drift")
                .isEmpty();

        // Still stale every hour after, but one request per 24 data hours.
        feedThrough(LocalDateTime.of(2012, 9, 8, 22, 0));
        assertThat(monitoring.trainingRequests()).hasSize(1);
        feedThrough(LocalDateTime.of(2012, 9, 8, 23, 0));
        requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(2);
        assertThat(clockNow().path("lastRetrainingRequest").path("eventId").asString())
                .isEqualTo(requests.getLast().eventId().toString());
        assertThat(clockNow().path("lastRetrainingRequest").path("at").asString())
                .isEqualTo("2012-09-08T23:00");
    }

    @Test
    @Order(5)
    void liveErrorIsJudgedAgainstTheChampionsOwnHoldoutError() throws Exception {
        // A forecaster that scored 60 one hour ahead on its holdout (75 over all its leads) serves at 90 one hour
        // ahead: degraded, judged at the horizon its live error is of.
        long v2 = promote(
                new ModelMetrics(75.0, 50.0, 0.8, 0.35),
                new ModelMetrics(60.0, 40.0, 0.85, 0.4),
                LocalDateTime.of(2012, 9, 8, 23, 0));
        serve(
                v2,
                LocalDateTime.of(2012, 9, 9, 0, 0),
                LocalDateTime.of(2012, 9, 10, 0, 0),
                UnaryOperator.identity(),
                90);
        feedThrough(LocalDateTime.of(2012, 9, 10, 0, 0));
        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(3);
        assertThat(requests.getLast().reason())
                .isEqualTo("live error degraded: live RMSE 90.0 over the last 168h is 1.50× the holdout RMSE 60.0 of v"
                        + v2 + " (limit 1.50×, 25 pairs)");
        assertThat(strings(clockNow().path("lastRetrainingRequest").path("reasons")))
                .containsExactly("live_error_degraded");
        List<DriftDetected> drifts = monitoring.events(Topics.DRIFT.name(), DriftDetected.class);
        assertThat(drifts).hasSize(1);
        assertThat(drifts.getFirst().modelVersion()).isEqualTo(v2);
        JsonNode alert = monitoring.alert("LIVE_PERFORMANCE_DEGRADED", MODEL + ":" + v2);
        assertThat(alert).isNotNull();
        assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");

        // Always scored 90, serves at 90: not degraded, though the cooldown has passed.
        long v3 = promote(new ModelMetrics(90.0, 60.0, 0.7, 0.3), LocalDateTime.of(2012, 9, 10, 0, 0));
        serve(
                v3,
                LocalDateTime.of(2012, 9, 10, 1, 0),
                LocalDateTime.of(2012, 9, 11, 0, 0),
                UnaryOperator.identity(),
                90);
        feedThrough(LocalDateTime.of(2012, 9, 11, 0, 0));
        JsonNode live = StreamSupport.stream(
                        JSON.readTree(http.get("/api/v1/live-error").body())
                                .path("windows")
                                .spliterator(),
                        false)
                .filter(w -> w.path("modelVersion").asLong() == v3
                        && w.path("window").asString().equals("168h"))
                .findFirst()
                .orElseThrow();
        assertThat(live.path("rmse").asDouble()).isEqualTo(90.0);
        assertThat(live.path("pairs").asInt()).isEqualTo(24);
        assertThat(monitoring.trainingRequests()).hasSize(3);
        assertThat(monitoring.alert("LIVE_PERFORMANCE_DEGRADED", MODEL + ":" + v3))
                .isNull();
        // Live error back within the threshold clears the model's degradation alert, at the check's data hour.
        JsonNode cleared = monitoring.alert("LIVE_PERFORMANCE_DEGRADED", MODEL + ":" + v2);
        assertThat(cleared.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(cleared.path("resolvedHow").asString()).isEqualTo("CONDITION_CLEARED");
        assertThat(cleared.path("resolutionReason").asString())
                .isEqualTo("live RMSE 90.0 over the last 168h is 1.00× the holdout RMSE 90.0 of v" + v3
                        + ", within the limit of 1.50× (24 pairs)");
        assertThat(Instant.parse(cleared.path("resolvedAt").asString()))
                .isEqualTo(LocalDateTime.of(2012, 9, 11, 0, 0)
                        .atZone(MonitoringClock.ZONE)
                        .toInstant());
    }

    @Test
    @Order(6)
    void aWeatherShiftAgainstTheSameWeeksOfTheReferenceIsDatasetDrift() {
        // Three days 15 °C hotter and far drier than those weeks ever were: beyond what any three days of the reference
        // differ from the rest by, so beyond the calibrated floors.
        UnaryOperator<UciFeatures> hotterAndDrier = f -> new UciFeatures(
                f.season(),
                f.yr(),
                f.mnth(),
                f.hr(),
                f.holiday(),
                f.weekday(),
                f.workingday(),
                f.weathersit(),
                Math.min(1, f.temp() + 0.3),
                Math.min(1, f.atemp() + 0.3),
                Math.max(0, f.hum() - 0.4),
                f.windspeed());
        long v4 = promote(new ModelMetrics(90.0, 60.0, 0.7, 0.3), LocalDateTime.of(2012, 9, 11, 0, 0));
        serve(v4, LocalDateTime.of(2012, 9, 11, 1, 0), LocalDateTime.of(2012, 9, 14, 0, 0), hotterAndDrier, 20);
        feedThrough(LocalDateTime.of(2012, 9, 14, 0, 0));

        JsonNode report = reportAt(LocalDateTime.of(2012, 9, 14, 0, 0));
        assertThat(report.path("modelVersion").asLong()).isEqualTo(v4);
        assertThat(report.path("currentSize").asInt()).isEqualTo(72);
        assertThat(report.path("verdict").asString()).isEqualTo("DRIFT");
        assertThat(strings(report.path("driftedFeatures"))).contains("temp", "atemp", "hum");
        assertThat(report.path("driftShare").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(report.path("weatherReference").path("referenceFrom").asString())
                .isEqualTo("08-28");
        assertThat(report.path("weatherReference").path("referenceTo").asString())
                .isEqualTo("09-28");

        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(4);
        assertThat(requests.getLast().reason()).startsWith("dataset drift: ");
        assertThat(requests.getLast().driftReportId())
                .hasToString(report.path("id").asString());
        assertThat(strings(clockNow().path("lastRetrainingRequest").path("reasons")))
                .containsExactly("dataset_drift");
        List<DriftDetected> drifts = monitoring.events(Topics.DRIFT.name(), DriftDetected.class);
        assertThat(drifts).hasSize(2);
        assertThat(drifts.getLast().driftedFeatures()).contains("temp", "atemp", "hum");
    }

    // ---- helpers

    /** Registers a new champion, announces its promotion, and waits until monitoring has recorded it. */
    private long promote(ModelMetrics holdout, LocalDateTime trainedThrough) {
        return promote(holdout, null, trainedThrough);
    }

    /** The same, for a forecaster whose holdout metrics one hour ahead differ from those over all its leads. */
    private long promote(ModelMetrics holdout, ModelMetrics nextHour, LocalDateTime trainedThrough) {
        long version = monitoring.registerChampion(model, reference, holdout);
        monitoring.announce(ModelPromoted.of(MODEL, version, "champion", "sha", null, "fixture", holdout, null)
                .withTrainedThrough(trainedThrough)
                .withNextHourMetrics(nextHour));
        return version;
    }

    /**
     * Has a version serve every hour from {@code first} to {@code last}: calendar features of the hour itself, weather
     * of a random 2011 hour within two weeks of the same day of the year, transformed; the actual of each hour is the
     * returned count plus {@code error}.
     */
    private void serve(
            long version, LocalDateTime first, LocalDateTime last, UnaryOperator<UciFeatures> transform, int error) {
        List<PredictionLogged> served = new ArrayList<>();
        for (LocalDateTime hour = first; !hour.isAfter(last); hour = hour.plusHours(1)) {
            HourRow weather = sameWeeksOf2011(hour);
            UciFeatures features = transform.apply(FeatureEngineering.fromDate(
                    hour.toLocalDate(),
                    hour.getHour(),
                    weather.weathersit(),
                    weather.temp(),
                    weather.atemp(),
                    weather.hum(),
                    weather.windspeed()));
            PredictionLogged prediction = MonitoringHarness.served(model, version, hour, features);
            actuals.put(hour, (int) prediction.predictedCount() + error);
            served.add(prediction);
        }
        monitoring.publishAndAwaitStored(version, served);
    }

    private HourRow sameWeeksOf2011(LocalDateTime hour) {
        LocalDateTime in2011 = hour.withYear(2011);
        List<HourRow> candidates = rows2011.stream()
                .filter(row -> Math.abs(ChronoUnit.DAYS.between(in2011.toLocalDate(), row.dteday())) <= 14)
                .toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private int seasonalRows(LocalDateTime from, LocalDateTime to) {
        return (int) reference.hours().stream()
                .filter(h -> !h.isBefore(from) && !h.isAfter(to))
                .count();
    }

    /** Publishes the actual of every hour after the clock up to {@code last}, one at a time, as a backtest does. */
    private void feedThrough(LocalDateTime last) {
        LocalDateTime next = clock == null ? START : clock.plusHours(1);
        for (LocalDateTime hour = next; !hour.isAfter(last); hour = hour.plusHours(1)) {
            monitoring.feed(ActualObserved.of("system", hour, actuals.get(hour), "replay"));
            clock = hour;
        }
    }

    private JsonNode clockNow() {
        HttpResponse<String> response = http.get("/api/v1/clock");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The scheduled checks, newest first. */
    private List<JsonNode> scheduledChecks() {
        JsonNode page = JSON.readTree(http.get("/api/v1/drift/reports?size=100").body());
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(r -> r.path("trigger").asString().equals("SCHEDULE"))
                .toList();
    }

    private JsonNode reportAt(LocalDateTime clockTime) {
        return scheduledChecks().stream()
                .map(summary -> report(summary.path("id").asString()))
                .filter(r -> hour(r.path("clockTime")).equals(clockTime))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scheduled check at " + clockTime));
    }

    private JsonNode report(String id) {
        HttpResponse<String> response = http.get("/api/v1/drift/reports/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static LocalDateTime hour(JsonNode value) {
        return LocalDateTime.parse(value.asString());
    }
}
