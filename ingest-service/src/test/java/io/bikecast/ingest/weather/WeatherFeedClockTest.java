package io.bikecast.ingest.weather;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.IngestApi;
import io.bikecast.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A location on the feed clock of a GBFS system replaying 2012: its polls are due by the time of the system's newest
 * snapshot, ask Open-Meteo ({@link OpenMeteoFake} on 127.0.0.1) for the hours around that time with {@code
 * start_hour}/{@code end_hour}, and are stored and served as issued then; a location on the wall clock beside it goes
 * on as before. The snapshots are rows the test writes; the wall clock is an instant the test passes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + IngestApi.KEY,
            "bikecast.ingest.weather.scheduled=false",
            "bikecast.ingest.weather.locations[0].id=replay",
            "bikecast.ingest.weather.locations[0].latitude=" + WeatherFeedClockTest.REPLAY,
            "bikecast.ingest.weather.locations[0].longitude=-77.04",
            "bikecast.ingest.weather.locations[0].clock=feed",
            "bikecast.ingest.weather.locations[0].system=replay-sys",
            "bikecast.ingest.weather.locations[1].id=today",
            "bikecast.ingest.weather.locations[1].latitude=" + WeatherFeedClockTest.TODAY,
            "bikecast.ingest.weather.locations[1].longitude=2.35"
        })
@RealInfrastructure
class WeatherFeedClockTest {

    static final double REPLAY = 38.91;
    static final double TODAY = 48.86;

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

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    private IngestApi api;

    @BeforeEach
    void client() {
        api = new IngestApi(port);
    }

    @Test
    void aForecastIssuedAtTheFeedsTimeIsStoredAndServedForThatIssueTime() {
        Instant wall = Instant.parse("2026-12-04T12:00:00Z");
        OPEN_METEO.now(wall);
        List<WeatherStore.Poll> beforeAnySnapshot = poller.pollDue(wall);
        assertThat(beforeAnySnapshot)
                .as("only the wall-clock location")
                .singleElement()
                .satisfies(poll -> assertThat(poll.startedAt()).isEqualTo(wall));
        assertThat(requestsFor(REPLAY))
                .as("no snapshot yet: no time to ask about")
                .isEmpty();

        Instant feedTime = Instant.parse("2012-09-04T10:17:00Z");
        snapshot(feedTime);
        OPEN_METEO.now(feedTime);
        List<WeatherStore.Poll> polls = poller.pollDue(wall.plusSeconds(30));
        assertThat(polls).singleElement().satisfies(poll -> {
            assertThat(poll.outcome()).isEqualTo("stored");
            assertThat(poll.startedAt()).isEqualTo(feedTime);
            assertThat(poll.hoursForecast()).isEqualTo(48);
            assertThat(poll.hoursObserved()).isEqualTo(24);
        });
        Map<String, String> request = requestsFor(REPLAY).getFirst();
        assertThat(request)
                .containsEntry("start_hour", "2012-09-03T10:00")
                .containsEntry("end_hour", "2012-09-06T09:00")
                .containsEntry("timezone", "GMT")
                .doesNotContainKeys("past_hours", "forecast_hours");

        JsonNode forecast = api.get("/api/v1/weather/replay/forecast?hours=24&asOf=2012-09-04T10:17:00Z")
                .body();
        assertThat(forecast.path("issuedAt").asString()).isEqualTo("2012-09-04T10:17:00Z");
        assertThat(forecast.path("hours")).hasSize(24);
        assertThat(forecast.path("hours").get(0).path("hour").asString()).isEqualTo("2012-09-04T10:00:00Z");
        assertThat(forecast.path("hours").get(0).path("temperatureCelsius").asDouble())
                .isEqualTo(OpenMeteoFake.temperature(
                        Instant.parse("2012-09-04T10:00:00Z"), Instant.parse("2012-09-04T10:00:00Z")));
        // Without asOf, "now" is the location's clock: the feed's time, not today.
        JsonNode current = api.get("/api/v1/weather/replay/forecast?hours=2").body();
        assertThat(current.path("asOf").asString()).isEqualTo("2012-09-04T10:17:00Z");
        assertThat(current.path("issuedAt").asString()).isEqualTo("2012-09-04T10:17:00Z");
        assertThat(api.get("/api/v1/weather/replay/observed?from=2012-09-03T10:00:00Z&to=2012-09-04T10:00:00Z")
                        .body()
                        .path("hours"))
                .hasSize(24);

        // Due by the feed's time, whatever the wall clock does: not after 30 minutes of data, but after an hour.
        snapshot(feedTime.plus(Duration.ofMinutes(30)));
        assertThat(poller.pollDue(wall.plus(Duration.ofHours(3))))
                .noneMatch(p -> p.startedAt().isBefore(wall));
        snapshot(feedTime.plus(Duration.ofHours(1)));
        OPEN_METEO.now(feedTime.plus(Duration.ofHours(1)));
        assertThat(poller.pollDue(wall.plus(Duration.ofHours(3)).plusSeconds(1)))
                .singleElement()
                .extracting(WeatherStore.Poll::startedAt)
                .isEqualTo(feedTime.plus(Duration.ofHours(1)));
        assertThat(api.get("/api/v1/weather/replay/forecast?hours=1&asOf=2012-09-04T11:00:00Z")
                        .body()
                        .path("issuedAt")
                        .asString())
                .isEqualTo("2012-09-04T10:17:00Z");
        assertThat(api.get("/api/v1/weather/replay/forecast?hours=1&asOf=2012-09-04T11:17:00Z")
                        .body()
                        .path("issuedAt")
                        .asString())
                .isEqualTo("2012-09-04T11:17:00Z");
    }

    private void snapshot(Instant lastUpdated) {
        jdbc.update(
                "INSERT INTO gbfs_snapshot (system_id, last_updated, fetched_at, version) VALUES (?, ?, now(), '2.3')",
                "replay-sys",
                lastUpdated.atOffset(ZoneOffset.UTC));
    }

    private List<Map<String, String>> requestsFor(double latitude) {
        return OPEN_METEO.requests().stream()
                .filter(q -> Double.parseDouble(q.get("latitude")) == latitude)
                .toList();
    }
}
