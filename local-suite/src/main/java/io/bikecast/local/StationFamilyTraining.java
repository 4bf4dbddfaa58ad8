package io.bikecast.local;

import io.bikecast.common.series.SeriesId;
import io.bikecast.local.simulation.GbfsSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Trains the simulated system's station family once its window is replayed: waits until the simulator has served its
 * last snapshot and the ingest service holds the stations' last hour, queues one run of the family (the last third of
 * the window as its holdout, so that a week trains on five days), follows it and says what became of it. This is the
 * family's first champion; after it, monitoring's retraining policy follows the family as it follows the system's
 * model, and its runs use the same holdout ({@link SimulatedGbfs#holdoutDays}).
 */
final class StationFamilyTraining {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed");
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(24);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofHours(1);

    private final RunningSuite suite;
    private final GbfsSimulator simulator;
    private final SuiteApi api;
    private final PrintStream out;

    StationFamilyTraining(RunningSuite suite, GbfsSimulator simulator, String apiKey, PrintStream out) {
        this.suite = suite;
        this.simulator = simulator;
        this.api = new SuiteApi(suite, apiKey);
        this.out = out;
    }

    /** Starts waiting on a daemon thread of its own; a failure is printed, never stops the suite. */
    void startWhenReplayed() {
        Thread.ofPlatform().name("station-family-training").daemon().start(() -> {
            try {
                train();
            } catch (RuntimeException e) {
                out.println("The station family was not trained: " + e.getMessage());
            }
        });
    }

    private void train() {
        String system = simulator.settings().systemId();
        String family = SimulatedGbfs.familyOf(system);
        Polling.until(
                "the simulated window to be replayed",
                REPLAY_TIMEOUT,
                simulator::replayed,
                Boolean::booleanValue,
                simulator.baseUrl() + "/simulation.json");
        LocalDateTime lastHour = LocalDateTime.ofInstant(simulator.end(), SeriesId.ZONE)
                .truncatedTo(ChronoUnit.HOURS)
                .minusHours(1);
        Polling.until(
                "the stations' hours up to " + lastHour + " in the ingest service",
                INGEST_TIMEOUT,
                () -> api.get("ingest-service", "/api/v1/ingest/series?prefix=" + system + "-"),
                ranges -> ranges.valueStream()
                        .anyMatch(range -> !LocalDateTime.parse(
                                        range.path("lastHour").asString())
                                .isBefore(lastHour)),
                "GET /api/v1/ingest/series?prefix=" + system + "-");
        JsonNode queued = api.postJson(
                "training-service",
                "/api/v1/training-runs",
                Map.of(
                        "model",
                        family,
                        "reason",
                        "the simulated window of " + system + " was replayed",
                        "parameters",
                        Map.of("holdoutDays", SimulatedGbfs.holdoutDays(simulator.settings()))),
                202);
        out.println("The simulated window is replayed: training " + family + " on every station of " + system + " (run "
                + queued.path("id").asString() + ")");
        String path = "/api/v1/training-runs/" + queued.path("id").asString();
        JsonNode run = Polling.until(
                "training run " + queued.path("id").asString() + " to finish",
                RUN_TIMEOUT,
                () -> api.get("training-service", path),
                candidate -> FINISHED.contains(candidate.path("status").asString()),
                "GET " + path);
        if (!"succeeded".equals(run.path("status").asString())) {
            out.println(family + " failed to train: " + run.path("error").asString());
            return;
        }
        out.println(family + " v" + run.path("modelVersion").asLong() + " trained on "
                + run.path("servedFitRows").asInt() + " station hours in "
                + run.path("durationMs").asLong() / 1000.0 + " s, holdout RMSE "
                + String.format("%.2f", run.path("metrics").path("rmse").asDouble()) + ": "
                + run.path("decision").path("outcome").asString() + ". Forecasts of every station: curl -s '"
                + suite.baseUrl("prediction-service") + "/api/v1/forecast/series?prefix=" + system + "-&hours=24'");
    }
}
