package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;

/**
 * A model family on the data clock (issue 12): each monitored model's scheduled drift check falls due
 * {@code drift.check-interval} after its own last one, a family without a champion is skipped (no report) until it
 * has one, and a family's check reads its champion's reference and its stations' hour window ending at the clock.
 * The windows are kept below {@code min-current-size}, so every verdict is {@code NOT_ENOUGH_DATA}: what is proved is
 * when each model is checked and what its window holds, not drift (that is {@code ModelFamilyMonitoringTest}'s), and
 * that a family's live error, judged at its own check against its own champion's holdout error, requests its own
 * retraining while the default model's stays quiet.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.clock.mode=data",
            "bikecast.monitoring.model-name=" + MODEL,
            "bikecast.monitoring.families[0].model-name=" + FamilyDataClockTest.FAMILY,
            "bikecast.monitoring.families[0].series-prefix=sim-",
            "bikecast.monitoring.drift.min-current-size=1000",
            "bikecast.monitoring.live-error.refresh-interval=1h"
        })
@MonitoringLoop
class FamilyDataClockTest {

    static final String FAMILY = "sim-stations";
    private static final LocalDateTime START = LocalDateTime.of(2012, 9, 1, 0, 0);
    private static final List<String> STATIONS = List.of("sim-1", "sim-2");

    @Autowired
    private MonitoringHarness monitoring;

    private Model<Regressor> model;
    private List<HourRow> rows;
    private LocalDateTime clock;
    private final Map<LocalDateTime, Integer> actuals = new HashMap<>();
    private final Map<String, Integer> familyForecasts = new HashMap<>();

    @BeforeAll
    void aForestAndTwentySixHoursServedByBothModels() {
        rows = MonitoringHarness.shuffled2011();
        model = TestForests.trainForest(rows.subList(0, 3000), 10, 7);
        List<PredictionLogged> served = new ArrayList<>();
        for (int h = 0; h < 26; h++) {
            LocalDateTime hour = START.plusHours(h);
            PredictionLogged system = MonitoringHarness.served(
                    model, MODEL, 1, "system", hour, rows.get(h).features());
            // The actual is what was forecast: no live error to act on, so no request muddles the schedule's story.
            actuals.put(hour, (int) system.predictedCount());
            served.add(system);
            for (String station : STATIONS) {
                PredictionLogged forecast = MonitoringHarness.served(
                        model, FAMILY, 1, station, hour, rows.get(100 + h).features());
                familyForecasts.put(station + "@" + h, (int) forecast.predictedCount());
                served.add(forecast);
            }
        }
        monitoring.publishAndAwaitStored(served);
    }

    @Test
    @Order(1)
    void aFamilyWithoutAChampionIsSkippedWhileTheDefaultModelIsChecked() {
        monitoring.registerChampion(
                model, TestForests.referenceSample(model, rows.subList(0, 1000)), new ModelMetrics(60, 40, 0.85, 0.4));

        feedThrough(START);
        assertThat(scheduled(MODEL)).hasSize(1);
        assertThat(scheduled(FAMILY))
                .as("no report for a family without a champion")
                .isEmpty();
    }

    @Test
    @Order(2)
    void eachModelsCheckFallsDueAnIntervalAfterItsOwnLastOne() {
        FakeTrainingRegistry family = monitoring.training().family(FAMILY);
        long version = family.register(
                model, TestForests.referenceSample(model, rows.subList(1000, 1500)), new ModelMetrics(1, 1, 0.5, 0.5));
        family.setAlias(ModelPromoted.CHAMPION, version);

        feedThrough(START.plusHours(1));
        List<JsonNode> familyChecks = scheduled(FAMILY);
        assertThat(familyChecks)
                .as("its first check is due as soon as it has a champion")
                .hasSize(1);
        JsonNode first = report(familyChecks.getFirst());
        assertThat(first.path("clockTime").asString()).isEqualTo("2012-09-01T01:00:00");
        assertThat(first.path("modelVersion").asLong()).isEqualTo(version);
        assertThat(first.path("referenceSize").asInt())
                .as("the family's reference")
                .isEqualTo(500);
        assertThat(first.path("seriesCount").asInt()).isEqualTo(STATIONS.size());
        assertThat(first.path("currentSize").asInt())
                .as("its two stations' hours 00:00 and 01:00, ending at the clock")
                .isEqualTo(4);
        assertThat(first.path("verdict").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(scheduled(MODEL)).hasSize(1);

        feedThrough(START.plusHours(24));
        assertThat(clockTimes(MODEL)).containsExactly("2012-09-02T00:00:00", "2012-09-01T00:00:00");
        assertThat(clockTimes(FAMILY)).containsExactly("2012-09-01T01:00:00");

        feedThrough(START.plusHours(25));
        assertThat(clockTimes(FAMILY)).containsExactly("2012-09-02T01:00:00", "2012-09-01T01:00:00");
        assertThat(clockTimes(MODEL)).hasSize(2);
        JsonNode latest = monitoring.get("/api/v1/drift/reports/latest?model=" + FAMILY);
        assertThat(latest.path("currentSize").asInt()).isEqualTo(STATIONS.size() * 26);
        assertThat(latest.path("seriesCount").asInt()).isEqualTo(STATIONS.size());
        JsonNode defaultLatest = monitoring.get("/api/v1/drift/reports/latest");
        assertThat(defaultLatest.path("referenceSize").asInt()).isEqualTo(1000);
        assertThat(defaultLatest.path("currentSize").asInt()).isEqualTo(25);
        assertThat(defaultLatest.path("seriesCount").asInt()).isEqualTo(1);
        assertThat(monitoring.trainingRequests()).isEmpty();
    }

    @Test
    @Order(3)
    void aFamilysLiveErrorIsJudgedAgainstItsOwnChampionAndRequestsItsOwnRetraining() {
        // Every station hour served turns out 100 rentals busier than forecast: live RMSE 100 against the family
        // champion's holdout RMSE 1, on 52 pairs; the default model's forecasts stay exact.
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int h = 0; h < 26; h++) {
            for (String station : STATIONS) {
                int forecast = familyForecasts.get(station + "@" + h);
                sent.add(monitoring
                        .publisher()
                        .publish(ActualObserved.of(station, START.plusHours(h), forecast + 100, "gbfs")));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> monitoring
                                .jdbc()
                                .queryForObject(
                                        "SELECT count(*) FROM monitoring.actual WHERE series_id LIKE 'sim-%'",
                                        Integer.class),
                        n -> n == STATIONS.size() * 26);

        feedThrough(START.plusHours(48));
        assertThat(monitoring.trainingRequests())
                .as("the default model's check at 2012-09-03T00:00 finds its own live error exact")
                .isEmpty();
        feedThrough(START.plusHours(49));
        List<TrainingRequested> requests = monitoring.trainingRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().modelName()).isEqualTo(FAMILY);
        assertThat(requests.getFirst().reason())
                .startsWith("live error degraded: live RMSE 100.0 over the last 168h is 100.00× the holdout RMSE 1.0"
                        + " of v1");
        JsonNode alert = monitoring.alert("LIVE_PERFORMANCE_DEGRADED", FAMILY + ":1");
        assertThat(alert).isNotNull();
        assertThat(alert.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(monitoring.alert("LIVE_PERFORMANCE_DEGRADED", MODEL + ":1")).isNull();
        assertThat(monitoring
                        .get("/api/v1/clock?model=" + FAMILY)
                        .path("lastRetrainingRequest")
                        .path("reasons")
                        .get(0)
                        .asString())
                .isEqualTo("live_error_degraded");
        assertThat(monitoring.get("/api/v1/clock").path("lastRetrainingRequest").isNull())
                .isTrue();
    }

    /** Publishes the actual of every hour after the clock up to {@code last}, one at a time, as a backtest does. */
    private void feedThrough(LocalDateTime last) {
        LocalDateTime next = clock == null ? START : clock.plusHours(1);
        for (LocalDateTime hour = next; !hour.isAfter(last); hour = hour.plusHours(1)) {
            monitoring.feed(ActualObserved.of("system", hour, actuals.getOrDefault(hour, 0), "replay"));
            clock = hour;
        }
    }

    /** The model's scheduled checks, newest first. */
    private List<JsonNode> scheduled(String modelName) {
        JsonNode page = monitoring.get("/api/v1/drift/reports?size=100&model=" + modelName);
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(r -> r.path("trigger").asString().equals("SCHEDULE"))
                .toList();
    }

    private List<String> clockTimes(String modelName) {
        return scheduled(modelName).stream()
                .map(summary -> report(summary).path("clockTime").asString())
                .toList();
    }

    private JsonNode report(JsonNode summary) {
        return monitoring.get("/api/v1/drift/reports/" + summary.path("id").asString());
    }
}
