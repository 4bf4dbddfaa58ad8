package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.local.BacktestResult.Alert;
import io.bikecast.local.BacktestResult.Promotion;
import io.bikecast.local.BacktestResult.ServedHour;
import io.bikecast.testsupport.UciDataset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The product's heartbeat, on the shipped defaults with the data clock on: the whole suite on embedded PostgreSQL and
 * Kafka is bootstrapped on every hour before September 2012, then fed two weeks of September hour by hour as a {@link
 * Backtest} does (a forecast for each hour, then its actual). Monitoring judges every hour on the data clock and its
 * policy asks for retraining; training promotes a champion that learnt from the new hours, and Slack and Discord hear
 * of it; the prediction service answers with it, and it beats the bootstrap champion on hours neither of them learnt
 * from.
 */
class EndToEndLoopTest {

    private static final String API_KEY = "e2e-key";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void onTheDataClockThePolicyRetrainsAndTheNewChampionServesAndBeatsTheOldOne() throws Exception {
        try (WebhookRecorder slack = new WebhookRecorder();
                WebhookRecorder discord = new WebhookRecorder()) {
            BacktestSettings settings = new BacktestSettings(
                    // Long enough for several of the policy's 72-hour refreshes, the last at least two days before
                    // the end, so the new champion can be scored on hours neither champion learnt from.
                    LocalDate.of(2012, 9, 1),
                    LocalDate.of(2012, 9, 15),
                    true,
                    data.resolve("backtest"),
                    UciDataset.hourCsv(),
                    API_KEY,
                    Map.of(
                            "bikecast.monitoring.alerts.slack-webhook-url", slack.url(),
                            "bikecast.monitoring.alerts.discord-webhook-url", discord.url()),
                    Duration.ofMinutes(10));
            BacktestDirectory.prepare(settings.directory());
            try (RunningSuite suite = RunningSuite.start(Backtest.suiteSettings(settings))) {
                long started = System.nanoTime();
                BacktestResult result = new Backtest(settings, new ProgressLine(System.out, false)).on(suite);
                SuiteApi api = new SuiteApi(suite, API_KEY);

                assertThat(result.promotions())
                        .as("a promotion caused by monitoring's policy (retraining runs: %s)", result.retrains())
                        .isNotEmpty()
                        .allSatisfy(promotion -> assertThat(promotion.cause()).isNotEmpty());
                Promotion latest = result.promotions().getLast();
                long champion = api.get("training-service", "/api/v1/models/champion")
                        .path("version")
                        .asLong();
                assertThat(champion).isEqualTo(latest.version()).isNotEqualTo(result.bootstrapVersion());
                JsonNode answer = api.postJson(
                        "prediction-service",
                        "/api/v1/predict",
                        "{\"timestamp\": \"2012-09-25T08:00:00-04:00\", \"temperatureCelsius\": 4,"
                                + " \"feelsLikeCelsius\": 1, \"humidityPercent\": 60, \"windSpeedKmh\": 11,"
                                + " \"weatherSituation\": 1}",
                        200);
                assertThat(answer.path("modelVersion").asLong())
                        .as("the prediction service answers with the new champion")
                        .isEqualTo(champion);
                System.out.printf(
                        "%nEND-TO-END: %d hours fed, served RMSE %.1f vs %.1f never retrained; %d retraining runs,"
                                + " %d promotions; %.1f s%n%n",
                        result.hours(),
                        result.servedRmse(),
                        result.staticRmse(),
                        result.retrains().size(),
                        result.promotions().size(),
                        (System.nanoTime() - started) / 1e9);

                assertTheNewChampionBeatsTheOldOneOnHoursNeitherLearntFrom(api, result);
                assertThePromotionWasAnnouncedOnSlackAndDiscord(latest, result, slack, discord);
                assertEveryMetricTheDashboardsAndAlertsQueryIsExported(suite);
            }
        }
    }

    /** Scored on the fed hours after the new champion's served fit ends, which the bootstrap champion never saw either. */
    private static void assertTheNewChampionBeatsTheOldOneOnHoursNeitherLearntFrom(
            SuiteApi api, BacktestResult result) {
        LocalDateTime lastFed = result.servedHours().getLast().hour();
        Promotion promotion = result.promotions().reversed().stream()
                .filter(candidate -> candidate.trainedThrough() != null
                        && candidate.trainedThrough().plusHours(48).isBefore(lastFed))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no promotion left two fed days after its served fit to compare on: " + result.promotions()));
        assertThat(result.bootstrapTrainedThrough()).isBefore(promotion.trainedThrough());
        LocalDateTime from = promotion.trainedThrough().plusHours(1);
        LocalDateTime to = lastFed.plusHours(1);
        long unseen = result.servedHours().stream()
                .map(ServedHour::hour)
                .filter(hour -> !hour.isBefore(from))
                .count();
        JsonNode newer = evaluation(api, promotion.version(), from, to);
        // Against the bootstrap champion, the one a suite without the loop would still serve: with a refresh every
        // 72 data hours two successive champions differ by three days of data, too little to tell apart on a few days.
        JsonNode older = evaluation(api, result.bootstrapVersion(), from, to);

        assertThat(newer.path("hours").asLong()).isEqualTo(unseen);
        assertThat(newer.path("metrics").path("rmse").asDouble())
                .as("v%d vs v%d on %s .. %s", promotion.version(), result.bootstrapVersion(), from, to)
                .isLessThan(older.path("metrics").path("rmse").asDouble());
    }

    private static JsonNode evaluation(SuiteApi api, long version, LocalDateTime from, LocalDateTime to) {
        return api.postJson(
                "training-service",
                "/api/v1/models/" + version + "/evaluation",
                Map.of("from", from.toString(), "to", to.toString()),
                200);
    }

    /** The promotion the policy caused, as its alert: stored by monitoring and delivered to both webhooks. */
    private static void assertThePromotionWasAnnouncedOnSlackAndDiscord(
            Promotion promotion, BacktestResult result, WebhookRecorder slack, WebhookRecorder discord) {
        Alert alert = result.alerts().stream()
                .filter(candidate -> candidate.kind().equals("CHAMPION_PROMOTED")
                        && candidate.title().endsWith(" v" + promotion.version()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("monitoring raised no alert of the promotion of v"
                        + promotion.version() + "; alerts: " + result.alerts()));
        Polling.until(
                "Slack to receive the alert \"" + alert.title() + "\"",
                DELIVERY_TIMEOUT,
                slack::bodies,
                bodies -> bodies.stream().anyMatch(body -> body.contains(alert.title()) && body.contains("\"blocks\"")),
                "GET /api/v1/alerts of the monitoring service");
        Polling.until(
                "Discord to receive the alert \"" + alert.title() + "\"",
                DELIVERY_TIMEOUT,
                discord::bodies,
                bodies -> bodies.stream().anyMatch(body -> body.contains(alert.title()) && body.contains("\"embeds\"")),
                "GET /api/v1/alerts of the monitoring service");
    }

    /** After the loop every meter has been touched; each name Grafana or Prometheus queries must really be scraped. */
    private void assertEveryMetricTheDashboardsAndAlertsQueryIsExported(RunningSuite suite) throws Exception {
        Set<String> exported = new TreeSet<>();
        for (ServiceDefinition service : suite.services()) {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            exported.addAll(DeploymentFiles.exposedMetricNames(scrape.body()));
        }
        assertThat(exported).containsAll(DeploymentFiles.queriedMetricNames());
    }
}
