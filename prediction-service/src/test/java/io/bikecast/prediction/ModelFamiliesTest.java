package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.support.FakeIngest;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.Serves;
import io.bikecast.prediction.support.TestForecasters;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A model family served beside the default model ({@code bikecast.prediction.families[0]}: {@code sim-stations} for
 * the series starting with {@code sim-}): its series are answered by the family's champion, read from the same
 * registry with {@code ?model=}, everything else by the default model; a family without a champion refuses only its
 * own series; and every station of the family is forecast in one request from the weather stored for the system.
 */
@PredictionServiceTest(
        serves = Serves.FORECASTER,
        properties = {
            "bikecast.prediction.families[0].model-name=" + ModelFamiliesTest.FAMILY,
            "bikecast.prediction.families[0].series-prefix=sim-",
            "bikecast.prediction.families[1].model-name=" + ModelFamiliesTest.PARIS,
            "bikecast.prediction.families[1].series-prefix=paris-",
            "bikecast.prediction.families[1].time-zone=Europe/Paris"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelFamiliesTest {

    static final String FAMILY = "sim-stations";
    static final String PARIS = "paris-stations";
    private static final ZoneId PARIS_ZONE = ZoneId.of("Europe/Paris");
    private static final List<String> STATIONS = List.of("sim-1", "sim-2", "sim-3");
    private static final LocalDateTime LATEST = FakeIngest.hourOf(TestModels.row(4_000));

    private static final FakeIngest INGEST = FakeIngest.start();

    static {
        INGEST.store("system", LATEST.minusHours(900), LATEST.plusHours(1));
        STATIONS.forEach(station -> INGEST.store(station, LATEST.minusHours(900), LATEST.plusHours(1)));
        INGEST.store("paris-1", LATEST.minusHours(900), LATEST.plusHours(1));
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
    private FakeTrainingRegistry training;

    @Test
    @Order(1)
    void aFamilyWithoutAChampionRefusesItsOwnSeriesOnlyAndServesThemOnceItHasOne() {
        Http http = new Http(port);
        Http.Response station = http.post("/api/v1/predict", natural("sim-1"));
        assertThat(station.status()).as(station.text()).isEqualTo(503);
        assertThat(station.body().path("type").asString()).isEqualTo("https://bikecast.io/problems/no-champion");
        assertThat(station.body().path("detail").asString()).contains(FAMILY);
        Http.Response system = http.post("/api/v1/predict", natural("system"));
        assertThat(system.status()).as(system.text()).isEqualTo(200);
        assertThat(system.body().path("modelName").asString()).isEqualTo("bike-demand");

        long version = TestForecasters.registerChampion(training.family(FAMILY));

        JsonNode answer = await("the family's champion loaded")
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.post("/api/v1/predict", natural("sim-1")), response -> response.status() == 200)
                .body();
        assertThat(answer.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(answer.path("modelVersion").asLong()).isEqualTo(version);
        assertThat(answer.path("historyUsed").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/predict", natural("system"))
                        .body()
                        .path("modelName")
                        .asString())
                .isEqualTo("bike-demand");

        JsonNode active = http.get("/api/v1/models/active?model=" + FAMILY).body();
        assertThat(active.path("modelName").asString()).isEqualTo(FAMILY);
        assertThat(active.path("champion").path("version").asLong()).isEqualTo(version);
        assertThat(http.get("/api/v1/models/active").body().path("modelName").asString())
                .isEqualTo("bike-demand");
        Http.Response unknown = http.get("/api/v1/models/active?model=citibike-stations");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asString()).contains("bike-demand, " + FAMILY);
    }

    @Test
    @Order(2)
    void everyStationOfTheFamilyIsForecastInOneRequestFromTheSystemsStoredWeather() {
        Http http = new Http(port);
        Instant issueHourEnd = LATEST.plusHours(1).atZone(SeriesId.ZONE).toInstant();
        INGEST.storeWeatherForecast(
                "sim", issueHourEnd.minus(Duration.ofMinutes(30)), Payloads.storedForecast(LATEST, 4_000, 24));

        Http.Response bulk = http.get("/api/v1/forecast/series?prefix=sim-&hours=24");

        assertThat(bulk.status()).as(bulk.text()).isEqualTo(200);
        assertThat(bulk.body().path("series").asInt()).isEqualTo(STATIONS.size());
        JsonNode forecasts = bulk.body().path("forecasts");
        for (int i = 0; i < STATIONS.size(); i++) {
            JsonNode forecast = forecasts.get(i);
            assertThat(forecast.path("seriesId").asString()).isEqualTo(STATIONS.get(i));
            assertThat(forecast.path("modelName").asString()).isEqualTo(FAMILY);
            assertThat(forecast.path("points")).hasSize(24);
            JsonNode single = http.get("/api/v1/forecast?series=" + STATIONS.get(i) + "&hours=24")
                    .body();
            assertThat(predictions(forecast)).isEqualTo(predictions(single));
        }

        assertThat(http.get("/api/v1/forecast/series?prefix=Sim%20&hours=24")
                        .body()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("prefix");
        assertThat(http.get("/api/v1/forecast/series?prefix=sim-&hours=0")
                        .body()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("hours");
        assertThat(http.get("/api/v1/forecast/series?prefix=nothing-&hours=24")
                        .body()
                        .path("series")
                        .asInt())
                .isZero();
    }

    @Test
    @Order(3)
    void everyStationIsForecastInOneRequestFromTheWeatherPostedForThem() {
        Http http = new Http(port);
        List<Map<String, Object>> weather = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Map<String, Object> hour = Payloads.natural(TestModels.row(4_001 + h));
            hour.remove("timestamp");
            weather.add(hour);
        }

        Http.Response posted =
                http.post("/api/v1/forecast/series?prefix=sim-", Map.of("hours", 24, "weather", weather));

        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        JsonNode stored =
                http.get("/api/v1/forecast/series?prefix=sim-&hours=24").body();
        assertThat(posted.body().path("series").asInt()).isEqualTo(STATIONS.size());
        for (int i = 0; i < STATIONS.size(); i++) {
            JsonNode forecast = posted.body().path("forecasts").get(i);
            assertThat(forecast.path("issuedAt").asString()).startsWith(LATEST.toString());
            assertThat(predictions(forecast))
                    .as("the weather posted is the weather stored, so the forecasts are the same")
                    .isEqualTo(predictions(stored.path("forecasts").get(i)));
        }
        assertThat(http.post(
                                "/api/v1/forecast/series?prefix=sim-",
                                Map.of("hours", 24, "weather", weather.subList(0, 3)))
                        .status())
                .isEqualTo(400);
    }

    /**
     * A system in Paris: its station hours are Paris's local hours (ingest derives them in the feed's time zone), and
     * the stored weather, kept by UTC hour, must be read as Paris's hours too. Read as New York's, the forecast would
     * have stopped six hours short of the day and been refused.
     */
    @Test
    @Order(4)
    void aFamilyInAnotherTimeZoneReadsTheStoredWeatherOfItsOwnLocalHours() {
        Http http = new Http(port);
        TestForecasters.registerChampion(training.family(PARIS));
        Instant issueHourEnd = LATEST.plusHours(1).atZone(PARIS_ZONE).toInstant();
        INGEST.storeWeatherForecast(
                "paris",
                issueHourEnd.minus(Duration.ofMinutes(30)),
                Payloads.storedForecast(LATEST, 4_000, 24, PARIS_ZONE));
        List<Map<String, Object>> weather = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Map<String, Object> hour = Payloads.natural(TestModels.row(4_001 + h));
            hour.remove("timestamp");
            weather.add(hour);
        }

        Http.Response stored = await("the Paris family's champion loaded")
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/forecast/series?prefix=paris-&hours=24"), r -> r.status() != 503);
        Http.Response posted =
                http.post("/api/v1/forecast/series?prefix=paris-", Map.of("hours", 24, "weather", weather));

        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        JsonNode forecast = stored.body().path("forecasts").get(0);
        assertThat(forecast.path("modelName").asString()).isEqualTo(PARIS);
        assertThat(forecast.path("points").get(0).path("hour").asString())
                .startsWith(LATEST.plusHours(1).toString());
        assertThat(predictions(forecast))
                .as("each Paris hour read the weather stored for that hour")
                .isEqualTo(predictions(posted.body().path("forecasts").get(0)));
    }

    /** Each point's hour and prediction: what two forecasts of the same hours must share, all but their ids. */
    private static List<String> predictions(JsonNode forecast) {
        List<String> points = new ArrayList<>();
        forecast.path("points")
                .forEach(point -> points.add(point.path("hour").asString() + " "
                        + point.path("rawPrediction").asDouble() + " " + point.path("interval")));
        return points;
    }

    private static Map<String, Object> natural(String series) {
        Map<String, Object> body = Payloads.natural(TestModels.row(4_001));
        body.put("timestamp", LATEST.plusHours(1).toString());
        body.put("seriesId", series);
        return body;
    }
}
