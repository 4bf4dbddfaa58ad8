package io.bikecast.ingest.weather;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.IngestApi;
import io.bikecast.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Weather from an Open-Meteo that runs on 127.0.0.1 ({@link OpenMeteoFake}): forecasts kept per issue time and read as
 * they stood, past hours kept as observed, an outage that loses no observed hour, hostile answers recorded and
 * survived, and the archive backfill. Polls are driven by the test at instants it chooses, never by the wall clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + IngestApi.KEY,
            "bikecast.ingest.weather.scheduled=false",
            "bikecast.ingest.weather.max-payload-size=64KB",
            "bikecast.ingest.weather.locations[0].id=dc",
            "bikecast.ingest.weather.locations[0].latitude=" + WeatherIngestTest.DC,
            "bikecast.ingest.weather.locations[0].longitude=-77.04",
            "bikecast.ingest.weather.locations[1].id=outage",
            "bikecast.ingest.weather.locations[1].latitude=" + WeatherIngestTest.OUTAGE,
            "bikecast.ingest.weather.locations[1].longitude=-74.0",
            "bikecast.ingest.weather.locations[2].id=hostile",
            "bikecast.ingest.weather.locations[2].latitude=" + WeatherIngestTest.HOSTILE,
            "bikecast.ingest.weather.locations[2].longitude=-0.1"
        })
@RealInfrastructure
class WeatherIngestTest {

    static final double DC = 38.9;
    static final double OUTAGE = 40.7;
    static final double HOSTILE = 51.5;

    static final OpenMeteoFake OPEN_METEO = new OpenMeteoFake();

    @DynamicPropertySource
    static void openMeteo(DynamicPropertyRegistry registry) {
        OPEN_METEO.configure(registry);
    }

    @AfterAll
    static void stop() {
        OPEN_METEO.close();
    }

    @Autowired
    private WeatherPoller poller;

    @LocalServerPort
    private int port;

    private IngestApi api;

    @BeforeEach
    void client() {
        api = new IngestApi(port);
    }

    @Test
    void keepsEachForecastUnderItsIssueTimeAndThePastAsObserved() {
        Instant first = Instant.parse("2026-06-01T10:20:00Z");
        Instant second = first.plus(Duration.ofHours(1));

        assertThat(pollAt(first, "dc")).singleElement().satisfies(poll -> {
            assertThat(poll.outcome()).isEqualTo("stored");
            assertThat(poll.hoursForecast()).isEqualTo(48);
            assertThat(poll.hoursObserved()).isEqualTo(24);
        });
        assertThat(pollAt(first.plus(Duration.ofMinutes(30)), "dc"))
                .as("not due before poll-interval")
                .isEmpty();
        assertThat(pollAt(second, "dc"))
                .singleElement()
                .extracting(WeatherStore.Poll::outcome)
                .isEqualTo("stored");

        JsonNode asFirst = api.get("/api/v1/weather/dc/forecast?hours=24&asOf=2026-06-01T11:00:00Z")
                .body();
        assertThat(asFirst.path("issuedAt").asString()).isEqualTo("2026-06-01T10:20:00Z");
        assertThat(asFirst.path("hours")).hasSize(24);
        assertThat(asFirst.path("hours").get(0).path("hour").asString()).isEqualTo("2026-06-01T11:00:00Z");
        assertThat(asFirst.path("hours").get(0).path("temperatureCelsius").asDouble())
                .isEqualTo(OpenMeteoFake.temperature(
                        Instant.parse("2026-06-01T11:00:00Z"), first.truncatedTo(ChronoUnit.HOURS)));
        JsonNode asSecond = api.get("/api/v1/weather/dc/forecast?hours=3&asOf=2026-06-01T11:30:00Z")
                .body();
        assertThat(asSecond.path("issuedAt").asString()).isEqualTo("2026-06-01T11:20:00Z");
        assertThat(asSecond.path("hours").get(0).path("temperatureCelsius").asDouble())
                .isEqualTo(OpenMeteoFake.temperature(
                        Instant.parse("2026-06-01T11:00:00Z"), second.truncatedTo(ChronoUnit.HOURS)));
        assertThat(asSecond.path("hours").get(0).path("weatherSituation").asInt())
                .isBetween(1, 4);

        IngestApi.Answer before = api.get("/api/v1/weather/dc/forecast?asOf=2026-06-01T10:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().path("detail").asString()).contains("No weather forecast of location dc");

        JsonNode observed = api.get("/api/v1/weather/dc/observed?from=2026-05-31T10:00:00Z&to=2026-06-01T11:00:00Z")
                .body()
                .path("hours");
        assertThat(observed)
                .as("24 hours before the first poll, and its own hour, past at the second")
                .hasSize(25);
        assertThat(observed.get(24).path("temperatureCelsius").asDouble())
                .as("the later poll's value of an hour replaces the earlier one")
                .isEqualTo(OpenMeteoFake.temperature(
                        Instant.parse("2026-06-01T10:00:00Z"), second.truncatedTo(ChronoUnit.HOURS)));
    }

    @Test
    void anOutageIsRetriedSoonerAndLosesNoObservedHour() {
        Instant start = Instant.parse("2026-07-01T00:05:00Z");
        assertThat(pollAt(start, "outage"))
                .singleElement()
                .extracting(WeatherStore.Poll::outcome)
                .isEqualTo("stored");

        OPEN_METEO.fail(OUTAGE, 503);
        Instant down = start.plus(Duration.ofHours(1));
        assertThat(pollAt(down, "outage")).singleElement().satisfies(poll -> {
            assertThat(poll.outcome()).isEqualTo("failed");
            assertThat(poll.reason()).isEqualTo("Open-Meteo answered 503");
        });
        assertThat(pollAt(down.plus(Duration.ofSeconds(59)), "outage")).isEmpty();
        assertThat(pollAt(down.plus(Duration.ofMinutes(1)), "outage"))
                .as("retried after retry-interval, the first wait")
                .singleElement()
                .extracting(WeatherStore.Poll::outcome)
                .isEqualTo("failed");
        assertThat(pollAt(down.plus(Duration.ofMinutes(2)), "outage"))
                .as("the second wait is doubled")
                .isEmpty();
        assertThat(api.get("/actuator/prometheus").text())
                .containsPattern("bikecast_ingest_weather_consecutive_failures\\{[^}]*location=\"outage\"[^}]*} 2.0");

        OPEN_METEO.fail(OUTAGE, 0);
        Instant back = start.plus(Duration.ofHours(30));
        assertThat(pollAt(back, "outage"))
                .singleElement()
                .extracting(WeatherStore.Poll::outcome)
                .isEqualTo("stored");
        Map<String, String> recovery = OPEN_METEO.requests().getLast();
        assertThat(Integer.parseInt(recovery.get("past_hours")))
                .as("every hour since the last stored poll is asked for again")
                .isEqualTo(31);

        JsonNode observed = api.get("/api/v1/weather/outage/observed?from=2026-06-30T00:00:00Z&to=2026-07-02T06:00:00Z")
                .body()
                .path("hours");
        assertThat(observed)
                .as("every hour from 24 before the first poll to the last poll's, without a gap")
                .hasSize(54);
        JsonNode polls = api.get("/api/v1/weather/outage/polls").body();
        assertThat(polls)
                .extracting(p -> p.path("outcome").asString())
                .containsExactly("stored", "failed", "failed", "stored");
    }

    @Test
    void hostileAnswersAreRecordedWithTheirReasonAndTheNextPollStillWorks() {
        Instant at = Instant.parse("2026-08-01T00:00:00Z");
        List<String> reasons = new ArrayList<>();
        List<UnaryOperator<String>> attacks = List.of(
                json -> json.replaceFirst("\"temperature_2m\":\\[[^\\]]*\\]", "\"temperature_2m\":\"hot\""),
                json -> json.replaceFirst("\"weather_code\":\\[[^\\]]*\\]", "\"weather_code\":[1,2]"),
                json -> json.replace("\"utc_offset_seconds\":0", "\"utc_offset_seconds\":3600"),
                json -> json.replace("\"hourly\":{", "\"hourly\":{\"padding\":\"" + "x".repeat(100_000) + "\","),
                json -> "not json at all",
                json -> json.replace("\"hourly\":{\"time\"", "\"hourly\":{\"times\""));
        for (var attack : attacks) {
            OPEN_METEO.tamper(HOSTILE, attack);
            List<WeatherStore.Poll> polls = pollAt(at, "hostile");
            assertThat(polls)
                    .singleElement()
                    .extracting(WeatherStore.Poll::outcome)
                    .isEqualTo("failed");
            reasons.add(polls.getFirst().reason());
            at = at.plus(Duration.ofHours(2));
        }
        assertThat(reasons.get(0)).startsWith("the answer is not Open-Meteo's hourly JSON");
        assertThat(reasons.get(1)).isEqualTo("the answer is unusable: hourly.weather_code has 2 values for 72 times");
        assertThat(reasons.get(2)).contains("UTC offset 3600");
        assertThat(reasons.get(3)).contains("larger than 65536 bytes (bikecast.ingest.weather.max-payload-size)");
        assertThat(reasons.get(4)).startsWith("the answer is not Open-Meteo's hourly JSON");
        assertThat(reasons.get(5)).isEqualTo("the answer is unusable: it has no hourly.time");

        OPEN_METEO.tamper(
                HOSTILE,
                json -> json.replaceFirst("\"relative_humidity_2m\":\\[[^,]*,", "\"relative_humidity_2m\":[140,")
                        .replaceFirst("\"wind_speed_10m\":\\[[^,]*,[^,]*,", "\"wind_speed_10m\":[5.0,null,"));
        WeatherStore.Poll partly = pollAt(at, "hostile").getFirst();
        assertThat(partly.outcome()).isEqualTo("stored");
        assertThat(partly.hoursRejected()).isEqualTo(2);
        assertThat(partly.hoursObserved() + partly.hoursForecast()).isEqualTo(70);
        assertThat(partly.reason())
                .contains("hourly.time[0] ")
                .contains("relative_humidity_2m 140.0 % is outside 0 to 100")
                .contains("hourly.time[1] ")
                .contains("a variable has no value");
        OPEN_METEO.tamper(HOSTILE, null);
    }

    @Test
    void backfillsObservedHoursFromTheArchiveWithTheKey() {
        String body = "{\"from\": \"2012-01-01\", \"to\": \"2012-01-02\"}";
        assertThat(api.postJson("/api/v1/weather/dc/backfill", body, null).status())
                .isEqualTo(401);

        IngestApi.Answer stored = api.postJson("/api/v1/weather/dc/backfill", body, IngestApi.KEY);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("hoursObserved").asInt()).isEqualTo(48);
        JsonNode observed = api.get("/api/v1/weather/dc/observed?from=2012-01-01T00:00:00Z&to=2012-01-03T00:00:00Z")
                .body()
                .path("hours");
        assertThat(observed).hasSize(48);

        IngestApi.Answer invalid =
                api.postJson("/api/v1/weather/dc/backfill", "{\"from\": \"2012-02-01\"}", IngestApi.KEY);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").toString()).contains("\"to\"");
        IngestApi.Answer reversed = api.postJson(
                "/api/v1/weather/dc/backfill", "{\"from\": \"2012-02-01\", \"to\": \"2011-02-01\"}", IngestApi.KEY);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/weather/nowhere/backfill", body, IngestApi.KEY)
                        .status())
                .isEqualTo(404);

        OPEN_METEO.fail(DC, 500);
        IngestApi.Answer down = api.postJson("/api/v1/weather/dc/backfill", body, IngestApi.KEY);
        OPEN_METEO.fail(DC, 0);
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.body().path("detail").asString()).contains("Open-Meteo answered 500");
    }

    @Test
    void readsOfAnUnknownLocationOrABadRangeAreProblems() {
        assertThat(api.get("/api/v1/weather/nowhere/forecast").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/weather/dc/forecast?hours=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/weather/dc/forecast?hours=many").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/weather/dc/observed?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/weather/dc/observed?from=garbage&to=2026-01-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/weather/locations").body()).hasSize(3);
    }

    private List<WeatherStore.Poll> pollAt(Instant now, String location) {
        OPEN_METEO.now(now);
        return poller.pollIfDue(location, now).stream().toList();
    }
}
