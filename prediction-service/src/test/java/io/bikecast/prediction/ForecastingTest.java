package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.Horizons;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import io.bikecast.model.Forecaster;
import io.bikecast.model.TargetTransform;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.prediction.history.Actuals;
import io.bikecast.prediction.support.FakeIngest;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionEvents;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.Serves;
import io.bikecast.prediction.support.TestForecasters;
import io.bikecast.prediction.support.TestModels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A forecaster (XGBoost on log1p, leads 0, 1, 3, 6, 24) served per horizon, with the recent demand rebuilt at start-up
 * from a fake of the ingest service (the UCI actuals of series {@code system} up to hour {@link #LATEST}) and fed by
 * {@code actual-observed} events on the real Kafka broker.
 */
@PredictionServiceTest(serves = Serves.FORECASTER)
class ForecastingTest {

    /** The latest actual of series system: the default issue time of its forecasts. */
    private static final LocalDateTime LATEST = FakeIngest.hourOf(TestModels.row(4_000));

    private static final FakeIngest INGEST = FakeIngest.start();

    static {
        INGEST.store("system", LATEST.minusHours(900), LATEST.plusHours(1));
    }

    @DynamicPropertySource
    static void ingest(DynamicPropertyRegistry properties) {
        properties.add("bikecast.prediction.ingest.base-url", INGEST::baseUrl);
    }

    @AfterAll
    static void stopIngest() {
        INGEST.stop();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher events;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private Http http;

    private Http http() {
        if (http == null) {
            http = new Http(port);
            await("the recent demand rebuilt from the fake ingest service")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> predict(natural(LATEST.plusHours(1), "system", null))
                            .path("historyUsed")
                            .asBoolean());
        }
        return http;
    }

    @Test
    void aNextHourAndADayAheadRequestAreServedByTheirLeadsModelsWithTheRebuiltHistory() {
        http();
        JsonNode nextHour = predict(natural(LATEST.plusHours(1), "system", null));
        JsonNode dayAhead = predict(natural(LATEST.plusHours(24), "system", null));

        assertThat(INGEST.exports()).isPositive();
        assertServedBy(nextHour, LATEST, 1, 1);
        assertServedBy(dayAhead, LATEST, 24, 24);
        assertThat(nextHour.path("modelVersion").asLong())
                .isEqualTo(dayAhead.path("modelVersion").asLong());
        assertThat(nextHour.path("features").path("lag_lead").asDouble())
                .isEqualTo(TestForecasters.actuals().demandAt(LATEST).getAsDouble());
        assertThat(dayAhead.path("features").path("lag_lead").asDouble())
                .isEqualTo(TestForecasters.actuals().demandAt(LATEST).getAsDouble());
        assertThat(nextHour.path("interval").path("p10").asDouble())
                .isLessThan(nextHour.path("interval").path("p90").asDouble());
    }

    @Test
    void aForecastIssuedEarlierReadsOnlyTheHoursUpToItsIssueTime() {
        http();
        LocalDateTime target = LATEST.plusHours(1);
        LocalDateTime issuedAt = LATEST.minusHours(5);
        Map<String, Object> uci = Payloads.uci(TestModels.row(4_001));
        uci.put("hour", target.toString());
        uci.put("hr", target.getHour());
        uci.put("issuedAt", issuedAt.toString());

        JsonNode answer = predict(uci);

        assertServedBy(answer, issuedAt, 6, 6);
        double[] cut = HistoryFeatures.vector(target, 6, asOf(issuedAt));
        double[] latest = HistoryFeatures.vector(target, 1, asOf(LATEST));
        assertThat(cut).isNotEqualTo(latest);
        assertThat(historyOf(answer)).containsExactly(cut);
    }

    @Test
    void aSeriesWithoutActualsIsServedWithoutHistoryAndSaysSo() {
        http();
        JsonNode answer = predict(natural(LATEST.plusHours(1), "station-new", null));

        assertThat(answer.path("lead").asInt()).isZero();
        assertThat(answer.path("historyUsed").asBoolean()).isFalse();
        assertThat(time(answer.path("issuedAt"))).isEqualTo(LATEST);
        assertThat(answer.path("horizonHours").asInt()).isEqualTo(1);
        assertThat(answer.path("features").has("lag_lead")).isFalse();
        Forecaster forecaster = TestForecasters.forecaster();
        double expected = TargetTransform.LOG1P.toCount(
                TestForecasters.predict(forecaster.withoutHistoryModel(), featuresOf(answer), null));
        assertThat(answer.path("rawPrediction").asDouble()).isCloseTo(expected, within(1e-3 * Math.max(1, expected)));
    }

    @Test
    void actualObservedEventsFeedTheHistoryOfTheirSeries() {
        http();
        Actuals.awaitListening(listeners);
        for (int back = 2; back >= 0; back--) {
            events.publish(ActualObserved.of("station-7", LATEST.minusHours(back), 40 + 2 - back, "ingest"));
        }

        await("the actuals of station-7 in its history")
                .atMost(Duration.ofSeconds(20))
                .until(() -> predict(natural(LATEST.plusHours(1), "station-7", null))
                        .path("historyUsed")
                        .asBoolean());
        JsonNode answer = predict(natural(LATEST.plusHours(1), "station-7", null));
        assertThat(time(answer.path("issuedAt"))).isEqualTo(LATEST);
        assertThat(answer.path("lead").asInt()).isEqualTo(1);
        assertThat(answer.path("features").path("lag_lead").asDouble()).isEqualTo(42);
        assertThat(answer.path("features").path("lag_lead_1").asDouble()).isEqualTo(41);
        assertThat(answer.path("features").path("lag_lead_2").asDouble()).isEqualTo(40);
        assertThat(answer.path("features").has("lag_day")).isFalse();
        JsonNode history = http.get("/api/v1/history/station-7").body();
        assertThat(history.path("rebuilt").asBoolean()).isTrue();
        assertThat(time(history.path("latestHour"))).isEqualTo(LATEST);
    }

    @Test
    void anActualOutsideTheIntervalServedForItsHourWidensTheNextIntervalOfThatLead() {
        http();
        Actuals.awaitListening(listeners);
        String series = "station-calibrated";
        for (int back = 2; back >= 0; back--) {
            events.publish(ActualObserved.of(series, LATEST.minusHours(back), 40, "ingest"));
        }
        await("the actuals of " + series + " in its history")
                .atMost(Duration.ofSeconds(20))
                .until(() -> predict(natural(LATEST.plusHours(1), series, null))
                        .path("historyUsed")
                        .asBoolean());
        JsonNode before = predict(natural(LATEST.plusHours(1), series, null));
        assertThat(before.path("lead").asInt()).isEqualTo(1);
        double outside = before.path("interval").path("p90").asDouble() * 10 + 100;

        events.publish(ActualObserved.of(series, LATEST.plusHours(1), (int) outside, "ingest"));

        await("the actual of " + LATEST.plusHours(1) + " in the history of " + series)
                .atMost(Duration.ofSeconds(20))
                .until(() -> time(http.get("/api/v1/history/" + series).body().path("latestHour"))
                        .equals(LATEST.plusHours(1)));
        JsonNode after = predict(natural(LATEST.plusHours(2), series, null));
        assertThat(after.path("lead").asInt()).isEqualTo(1);
        assertThat(time(after.path("issuedAt"))).isEqualTo(LATEST.plusHours(1));
        // log1p: ln((p90 + 1) / (p10 + 1)) is the interval's width in the model's space, whatever the prediction.
        assertThat(logWidth(after) / logWidth(before)).isCloseTo(Math.exp(0.8 * 0.02), within(1e-9));
    }

    private static double logWidth(JsonNode answer) {
        JsonNode interval = answer.path("interval");
        return Math.log1p(interval.path("p90").asDouble())
                - Math.log1p(interval.path("p10").asDouble());
    }

    @Test
    void aBackfillStoredWithoutActualEventsReachesTheHistoryWhenItsBatchIsAnnounced() {
        http();
        Actuals.awaitListening(listeners);
        LocalDateTime last = LATEST.minusDays(10);
        INGEST.store("station-backfill", last.minusDays(3), last.plusHours(1));
        events.publish(ObservationsIngested.of(
                UUID.randomUUID(), "sha", List.of("station-backfill"), 73, 0, 0, last.minusDays(3), last, "csv"));

        await("the backfilled hours of station-backfill in its history")
                .atMost(Duration.ofSeconds(20))
                .until(() -> !http.get("/api/v1/history/station-backfill")
                        .body()
                        .path("latestHour")
                        .isNull());
        assertThat(time(http.get("/api/v1/history/station-backfill").body().path("latestHour")))
                .isEqualTo(last);
        JsonNode answer = predict(natural(last.plusHours(1), "station-backfill", null));
        assertThat(answer.path("historyUsed").asBoolean()).isTrue();
        assertThat(answer.path("features").path("lag_lead").asDouble())
                .isEqualTo(INGEST.countAt("station-backfill", last));
    }

    @Test
    void theHistoryOfASeriesWithoutActualsHasNoLatestHourAndABadSeriesIsNamed() {
        JsonNode none = http().get("/api/v1/history/station-none").body();
        assertThat(none.path("latestHour").isNull()).isTrue();
        assertThat(none.path("maxHours").asInt()).isPositive();

        Http.Response bad = http.get("/api/v1/history/NOT%20A%20SERIES");
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("seriesId");
    }

    @Test
    void theForecastEndpointAnswersEachOfTheNext24HoursByItsHorizonsModelFromOneVersion() {
        http();
        Http.Response response = http.post("/api/v1/forecast", Map.of("hours", 24, "weather", weather(24)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode forecast = response.body();
        assertThat(time(forecast.path("issuedAt"))).isEqualTo(LATEST);
        assertThat(forecast.path("historyUsed").asBoolean()).isTrue();
        JsonNode points = forecast.path("points");
        assertThat(points).hasSize(24);
        Set<Long> versions = new HashSet<>();
        List<UUID> ids = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            JsonNode point = points.get(h - 1);
            assertThat(time(point.path("hour"))).isEqualTo(LATEST.plusHours(h));
            assertThat(point.path("horizonHours").asInt()).isEqualTo(h);
            assertThat(point.path("lead").asInt()).isEqualTo(Horizons.leadFor(h).getAsInt());
            assertThat(point.path("historyUsed").asBoolean()).isTrue();
            double p10 = point.path("interval").path("p10").asDouble();
            double p90 = point.path("interval").path("p90").asDouble();
            double raw = point.path("rawPrediction").asDouble();
            assertThat(p10).isLessThanOrEqualTo(raw);
            assertThat(p90).isGreaterThanOrEqualTo(raw);
            versions.add(point.path("modelVersion").asLong());
            ids.add(UUID.fromString(point.path("predictionId").asString()));
        }
        assertThat(versions).containsExactly(forecast.path("modelVersion").asLong());
        try (PredictionEvents logged = new PredictionEvents(bootstrapServers)) {
            Map<UUID, PredictionLogged> seen =
                    logged.awaitUntil(all -> all.keySet().containsAll(ids), Duration.ofSeconds(20));
            assertThat(seen.keySet()).containsAll(ids);
            assertThat(seen.get(ids.get(23)).hour()).isEqualTo(LATEST.plusHours(24));
            assertThat(seen.get(ids.get(23)).issuedAt()).isEqualTo(LATEST);
            assertThat(seen.get(ids.get(23)).horizonHours()).isEqualTo(24);
        }
    }

    @Test
    void aForecastOfASeriesWithoutActualsStartsAfterItsIssueTimeWithoutHistory() {
        http();
        LocalDateTime issuedAt = LATEST.minusHours(3);
        Http.Response response = http.post(
                "/api/v1/forecast",
                Map.of("seriesId", "station-none", "hours", 3, "issuedAt", issuedAt.toString(), "weather", weather(3)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("historyUsed").asBoolean()).isFalse();
        JsonNode first = response.body().path("points").get(0);
        assertThat(time(first.path("hour"))).isEqualTo(issuedAt.plusHours(1));
        assertThat(first.path("lead").asInt()).isZero();
    }

    @Test
    void aForecastRequestNamesEachBadField() {
        http();
        List<Map<String, Object>> badHumidity = weather(24);
        badHumidity.get(3).put("humidityPercent", 150);

        assertInvalid(Map.of("hours", 24, "weather", weather(3)), "weather");
        assertInvalid(Map.of("hours", 24, "weather", badHumidity), "weather[3].humidityPercent");
        assertInvalid(Map.of("hours", 0, "weather", weather(1)), "hours");
        assertInvalid(Map.of("hours", 169, "weather", weather(1)), "hours");
        assertInvalid(Map.of("hours", 2), "weather");
        assertInvalid(Map.of("hours", 1, "issuedAt", "yesterday", "weather", weather(1)), "issuedAt");
    }

    @Test
    void aForecastFromStoredWeatherReadsTheForecastThatStoodAtTheIssueTimeAndEqualsPostingThatWeather() {
        http();
        List<Map<String, Object>> weather = weather(24);
        Instant issueHourEnd = LATEST.plusHours(1).atZone(SeriesId.ZONE).toInstant();
        INGEST.storeWeatherForecast("system", issueHourEnd.minus(Duration.ofMinutes(40)), stored(weather, 0));
        INGEST.storeWeatherForecast("system", issueHourEnd.plus(Duration.ofHours(3)), stored(weather, 12));

        Http.Response fromStored = http.get("/api/v1/forecast?series=system&hours=24");
        Http.Response posted = http.post("/api/v1/forecast", Map.of("hours", 24, "weather", weather));

        assertThat(fromStored.status()).as(fromStored.text()).isEqualTo(200);
        assertThat(time(fromStored.body().path("issuedAt"))).isEqualTo(LATEST);
        JsonNode points = fromStored.body().path("points");
        assertThat(points).hasSize(24);
        for (int h = 0; h < 24; h++) {
            assertThat(time(points.get(h).path("hour"))).isEqualTo(LATEST.plusHours(h + 1));
            assertThat(points.get(h).path("rawPrediction").asDouble())
                    .as("hour %d: the forecast issued before the issue hour ended, not the later one", h + 1)
                    .isEqualTo(posted.body()
                            .path("points")
                            .get(h)
                            .path("rawPrediction")
                            .asDouble());
        }
    }

    @Test
    void aForecastFromStoredWeatherIsAConflictThatSaysToPostTheWeatherWhereNoneIsStored() {
        Http.Response response = http().get("/api/v1/forecast?series=station-none&hours=24");

        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.body().path("type").asString())
                .isEqualTo("https://bikecast.io/problems/no-weather-forecast");
        assertThat(response.body().path("detail").asString())
                .contains("location 'station-none'")
                .contains("POST /api/v1/forecast");
    }

    @Test
    void aForecastFromStoredWeatherWhileTheIngestServiceIsDownIsUnavailableNotAnError() {
        http();
        INGEST.stop();
        Http.Response response;
        try {
            response = http.get("/api/v1/forecast?series=system&hours=24");
        } finally {
            INGEST.restart();
        }

        assertThat(response.status()).as(response.text()).isEqualTo(503);
        assertThat(response.body().path("detail").asString()).contains("could not be read from the ingest service");
    }

    @Test
    void anIssueTimeAtOrAfterThePredictedHourIsRefusedNamingIssuedAt() {
        Http.Response response =
                http().post("/api/v1/predict", natural(LATEST.plusHours(1), "system", LATEST.plusHours(1)));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asString())
                .isEqualTo("issuedAt");
        Map<String, Object> uciWithoutHour = Payloads.uci(TestModels.row(4_001));
        uciWithoutHour.put("issuedAt", LATEST.toString());
        Http.Response noHour = http.post("/api/v1/predict", uciWithoutHour);
        assertThat(noHour.status()).as(noHour.text()).isEqualTo(400);
        assertThat(noHour.body().path("errors").get(0).path("field").asString()).isEqualTo("issuedAt");
    }

    @Test
    void theActiveModelIsTheForecasterWithItsLeadsOnCompiledEngines() {
        JsonNode champion = http().get("/api/v1/models/active").body().path("champion");

        assertThat(champion.path("algorithm").asString()).isEqualTo("xgboost");
        assertThat(champion.path("engine").asString()).isEqualTo("compiled");
        assertThat(champion.path("target").asString()).isEqualTo("LOG1P");
        assertThat(champion.path("leads").toString()).isEqualTo("[0,1,3,6,24]");
    }

    /** The lead, horizon and issue time an answer names, and its prediction equal to Tribuo's for what it read. */
    private static void assertServedBy(JsonNode answer, LocalDateTime issuedAt, int horizon, int lead) {
        assertThat(time(answer.path("issuedAt"))).isEqualTo(issuedAt);
        assertThat(answer.path("horizonHours").asInt()).isEqualTo(horizon);
        assertThat(answer.path("lead").asInt()).isEqualTo(lead);
        assertThat(answer.path("historyUsed").asBoolean()).isTrue();
        LocalDateTime target = LocalDateTime.parse(answer.path("hour").asString());
        double[] history = HistoryFeatures.vector(target, lead, asOf(issuedAt));
        assertThat(historyOf(answer)).containsExactly(history);
        double expected = TargetTransform.LOG1P.toCount(TestForecasters.predict(
                TestForecasters.forecaster().model(lead).orElseThrow(), featuresOf(answer), history));
        assertThat(answer.path("rawPrediction").asDouble()).isCloseTo(expected, within(1e-3 * Math.max(1, expected)));
    }

    private static LocalDateTime time(JsonNode node) {
        return LocalDateTime.parse(node.asString());
    }

    /** The UCI actuals as they were known at an issue time. */
    private static DemandHistory asOf(LocalDateTime issuedAt) {
        return hour -> hour.isAfter(issuedAt)
                ? OptionalDouble.empty()
                : TestForecasters.actuals().demandAt(hour);
    }

    /** The answer's history features in model order, NaN where it lists none. */
    private static double[] historyOf(JsonNode answer) {
        String[] names = HistoryFeatures.featureNames();
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value = answer.path("features").path(names[i]);
            values[i] = value.isMissingNode() ? Double.NaN : value.asDouble();
        }
        return values;
    }

    private static UciFeatures featuresOf(JsonNode answer) {
        String[] names = FeatureSchema.featureNames();
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = answer.path("features").path(names[i]).asDouble();
        }
        return UciFeatures.fromVector(values);
    }

    private JsonNode predict(Map<String, Object> body) {
        Http.Response response = new Http(port).post("/api/v1/predict", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Object> natural(LocalDateTime hour, String series, LocalDateTime issuedAt) {
        Map<String, Object> body = Payloads.natural(TestModels.row(4_001));
        body.put("timestamp", hour.toString());
        body.put("seriesId", series);
        if (issuedAt != null) {
            body.put("issuedAt", issuedAt.toString());
        }
        return body;
    }

    /** The natural-form weather of consecutive UCI hours. */
    /**
     * The weather entries as the ingest service stores a forecast of them: entry {@code h} is the hour {@code h + 1}
     * after {@link #LATEST}, with {@code warmer} °C added, plus the issue hour itself first.
     */
    private static List<Map<String, Object>> stored(List<Map<String, Object>> weather, double warmer) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int h = 0; h <= weather.size(); h++) {
            Map<String, Object> hour = new HashMap<>(weather.get(Math.max(0, h - 1)));
            hour.put(
                    "hour",
                    LATEST.plusHours(h).atZone(SeriesId.ZONE).toInstant().toString());
            hour.put("temperatureCelsius", ((Number) hour.get("temperatureCelsius")).doubleValue() + warmer);
            hour.put("feelsLikeCelsius", ((Number) hour.get("feelsLikeCelsius")).doubleValue() + warmer);
            hours.add(hour);
        }
        return hours;
    }

    private static List<Map<String, Object>> weather(int hours) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Map<String, Object> natural = Payloads.natural(TestModels.row(4_001 + h));
            natural.remove("timestamp");
            entries.add(natural);
        }
        return entries;
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Http.Response response = http.post("/api/v1/forecast", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().path("type").asString()).isEqualTo("https://bikecast.io/problems/invalid-request");
        List<String> fields = new ArrayList<>();
        response.body()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(response.text()).contains(field);
    }
}
