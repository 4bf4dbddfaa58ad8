package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.IngestApi;
import io.bikecast.ingest.LocalHttpServer;
import io.bikecast.ingest.weather.ObservedWeather;
import io.bikecast.ingest.weather.WeatherHour;
import io.bikecast.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A time zone per system, {@code GET /api/v1/gbfs/systems}, the station gauges and snapshot retention, on real
 * PostgreSQL and Kafka against feeds on 127.0.0.1, polled on the test's clock: a Paris system across its spring
 * change, whose hours and observations are Paris wall-clock hours; a system whose feed names New York but is
 * configured as Los Angeles; one configured with a zone that does not exist; one whose feed is down.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32",
            "bikecast.ingest.gbfs.scheduler=false",
            "bikecast.ingest.gbfs.snapshot-retention=2h"
        })
@RealInfrastructure
@Import(GbfsTestConfiguration.class)
class GbfsSystemsTest {

    static final LocalHttpServer SERVER = new LocalHttpServer();
    static final TestClock CLOCK = GbfsTestConfiguration.CLOCK;
    static final List<String> SYSTEMS = List.of("paris", "la", "badzone", "down", "kept", "idle");

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        GbfsTestConfiguration.systems(registry, SERVER, SYSTEMS);
        registry.add("bikecast.ingest.gbfs.systems[1].time-zone", () -> "America/Los_Angeles");
        registry.add("bikecast.ingest.gbfs.systems[2].time-zone", () -> "Mars/Olympus_Mons");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    GbfsPoller poller;

    @Autowired
    StationObservations observations;

    @Autowired
    SnapshotRetention retention;

    @Autowired
    GbfsStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    IngestApi api;

    @BeforeEach
    void setUp() {
        api = new IngestApi(port);
    }

    /** Two stations that neither empty nor fill, one rider leaving the first at every snapshot. */
    private static List<FeedWriter.State> quiet(int step, Instant at) {
        return List.of(
                new FeedWriter.State("1", 20 - step, 10 + step, true, true, true, at),
                new FeedWriter.State("2", 15, 15, true, true, true, at));
    }

    /** Serves and polls one snapshot per {@code step} from {@code start}; every poll must store. */
    private void pollSnapshots(String system, FeedWriter feed, Instant start, Duration step, int count) {
        for (int t = 0; t < count; t++) {
            Instant at = start.plus(step.multipliedBy(t));
            feed.serveStatus(at, 60, quiet(t, at));
            CLOCK.set(at.plusSeconds(5));
            GbfsPoller.Result result = poller.pollOnce(system);
            assertThat(result.outcome())
                    .as("%s step %d: %s", system, t, result.detail())
                    .isEqualTo(GbfsPoller.Outcome.STORED);
        }
    }

    @Test
    void aParisSystemsHoursAndObservationsAreParisHoursAcrossTheSpringChange() {
        // 2026-03-29 02:00 CET becomes 03:00 CEST (01:00Z). From 23:00 CET on the 28th, a snapshot every 20 minutes.
        Instant start = Instant.parse("2026-03-28T22:00:00Z");
        FeedWriter feed = new FeedWriter(SERVER, "/paris", "2.3");
        feed.serveDiscovery("Europe/Paris", 60);
        feed.serveStations(
                start,
                List.of(
                        new FeedWriter.Info("1", "Châtelet", 48.86, 2.35, 40),
                        new FeedWriter.Info("2", "Bastille", 48.85, 2.37, 40)));
        pollSnapshots("paris", feed, start, Duration.ofMinutes(20), 16);

        Map<Instant, String> localHours = new HashMap<>();
        Map<Instant, String> seriesHours = new HashMap<>();
        jdbc.query(
                "SELECT hour_start, local_hour, series_hour FROM gbfs_station_hour WHERE system_id = 'paris'"
                        + " AND station_id = '1'",
                rs -> {
                    Instant hour =
                            rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    localHours.put(hour, rs.getObject(2, LocalDateTime.class).toString());
                    seriesHours.put(hour, rs.getObject(3, LocalDateTime.class).toString());
                });
        assertThat(localHours)
                .containsOnly(
                        Map.entry(Instant.parse("2026-03-28T22:00:00Z"), "2026-03-28T23:00"),
                        Map.entry(Instant.parse("2026-03-28T23:00:00Z"), "2026-03-29T00:00"),
                        Map.entry(Instant.parse("2026-03-29T00:00:00Z"), "2026-03-29T01:00"),
                        Map.entry(Instant.parse("2026-03-29T01:00:00Z"), "2026-03-29T03:00"),
                        Map.entry(Instant.parse("2026-03-29T02:00:00Z"), "2026-03-29T04:00"),
                        Map.entry(Instant.parse("2026-03-29T03:00:00Z"), "2026-03-29T05:00"));
        assertThat(seriesHours).isEqualTo(localHours);

        // With the weather of those hours, the closed ones become observations in Paris hours, with Paris's hr.
        List<WeatherHour> weather = new ArrayList<>();
        for (Instant h = start; h.isBefore(start.plus(Duration.ofHours(6))); h = h.plus(Duration.ofHours(1))) {
            weather.add(new WeatherHour(h, 8, 6, 70, 10, 1, 1));
        }
        ObservedWeather.save(context, "paris", weather);
        StationObservations.Run run = observations.publish("paris");
        assertThat(run.published()).isEqualTo(2 * 5);
        JsonNode items = api.get("/api/v1/ingest/observations?series=paris-1&from=2026-03-28T00:00&to=2026-03-30T00:00")
                .body()
                .path("items");
        assertThat(items.valueStream().map(o -> o.path("hour").asString()))
                .containsExactly(
                        "2026-03-28T23:00:00",
                        "2026-03-29T00:00:00",
                        "2026-03-29T01:00:00",
                        "2026-03-29T03:00:00",
                        "2026-03-29T04:00:00");
        assertThat(items.valueStream().map(o -> o.path("hr").asInt())).containsExactly(23, 0, 1, 3, 4);
        // Three snapshots an hour, one rider each: 3 departures, but the first hour starts from nothing.
        assertThat(items.valueStream().map(o -> o.path("cnt").asInt())).containsExactly(2, 3, 3, 3, 3);
    }

    @Test
    void theConfiguredZoneWinsOverTheFeedsAndTheGaugesCountTheLastSnapshot() {
        Instant at = Instant.parse("2026-06-01T16:10:00Z");
        FeedWriter feed = new FeedWriter(SERVER, "/la", "3.0");
        feed.serveDiscovery("America/New_York", 60);
        feed.serveStations(
                at,
                List.of(
                        new FeedWriter.Info("a", "Empty", 34.05, -118.25, 10),
                        new FeedWriter.Info("b", "Full", 34.06, -118.25, 10),
                        new FeedWriter.Info("c", "Silent", 34.07, -118.25, 10)));
        feed.serveStatus(
                at,
                60,
                List.of(
                        new FeedWriter.State("a", 0, 10, true, true, true, at),
                        new FeedWriter.State("b", 10, 0, true, true, true, at),
                        new FeedWriter.State("c", 5, 5, true, true, true, at.minus(Duration.ofHours(2)))));
        CLOCK.set(at.plusSeconds(5));
        assertThat(poller.pollOnce("la").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);

        assertThat(jdbc.queryForObject(
                        "SELECT local_hour FROM gbfs_station_hour WHERE system_id = 'la' AND station_id = 'a'",
                        LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2026-06-01T09:00"));
        assertThat(gauge("bikecast.gbfs.stations.reporting", "la")).isEqualTo(2);
        assertThat(gauge("bikecast.gbfs.stations.empty", "la")).isEqualTo(1);
        assertThat(gauge("bikecast.gbfs.stations.full", "la")).isEqualTo(1);
        assertThat(gauge("bikecast.gbfs.stations.reporting", "idle")).isNaN();

        JsonNode la = system("la");
        assertThat(la.path("timeZone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(la.path("name").asString()).isEqualTo("Test Bikes");
        assertThat(la.path("stations").asInt()).isEqualTo(3);
        assertThat(la.path("lastSnapshotAt").asString()).isEqualTo("2026-06-01T16:10:00Z");
        assertThat(la.path("feed").asString()).isEqualTo("up");
    }

    @Test
    void theSystemsEndpointListsEverySystemInOrderWithItsFeedUpOrDown() {
        // An unknown configured zone fails that system's polls with a reason naming it, and nothing else.
        new FeedWriter(SERVER, "/badzone", "2.3").serveDiscovery("Europe/Paris", 60);
        Instant firstFailure = Instant.parse("2026-07-01T08:00:00Z");
        CLOCK.set(firstFailure);
        GbfsPoller.Result bad = poller.pollOnce("badzone");
        assertThat(bad.outcome()).isEqualTo(GbfsPoller.Outcome.FAILED);
        assertThat(bad.reason()).isEqualTo(FeedFailure.Reason.INVALID);
        assertThat(bad.detail()).contains("time-zone", "Mars/Olympus_Mons", "badzone");
        // The "down" system's feed answers 404 twice, then comes back.
        CLOCK.set(firstFailure.plusSeconds(10));
        assertThat(poller.pollOnce("down").reason()).isEqualTo(FeedFailure.Reason.BAD_STATUS);
        CLOCK.set(firstFailure.plusSeconds(100));
        assertThat(poller.pollOnce("badzone").outcome()).isEqualTo(GbfsPoller.Outcome.FAILED);
        assertThat(poller.pollOnce("down").outcome()).isEqualTo(GbfsPoller.Outcome.FAILED);

        IngestApi.Answer answer = api.get("/api/v1/gbfs/systems");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().valueStream().map(s -> s.path("id").asString()))
                .containsExactlyElementsOf(SYSTEMS);
        JsonNode badzone = system("badzone");
        assertThat(badzone.path("feed").asString()).isEqualTo("down");
        assertThat(badzone.path("downSince").asString()).isEqualTo("2026-07-01T08:00:00Z");
        assertThat(badzone.path("reason").asString()).contains("Mars/Olympus_Mons");
        assertThat(badzone.path("stations").asInt()).isZero();
        assertThat(badzone.path("name").isNull()).isTrue();
        assertThat(badzone.path("timeZone").isNull()).isTrue();
        assertThat(badzone.path("lastSnapshotAt").isNull()).isTrue();
        assertThat(badzone.path("seriesPrefix").asString()).isEqualTo("badzone-");
        JsonNode down = system("down");
        assertThat(down.path("feed").asString()).isEqualTo("down");
        assertThat(down.path("downSince").asString()).isEqualTo("2026-07-01T08:00:10Z");
        assertThat(down.path("reason").asString()).contains("404");

        Instant back = firstFailure.plusSeconds(200);
        FeedWriter feed = new FeedWriter(SERVER, "/down", "2.3");
        feed.serveDiscovery("Europe/Berlin", 60);
        feed.serveStations(back, List.of(new FeedWriter.Info("1", "Back", 52.5, 13.4, 20)));
        feed.serveStatus(back, 60, List.of(new FeedWriter.State("1", 3, 17, true, true, true, back)));
        CLOCK.set(back);
        assertThat(poller.pollOnce("down").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        JsonNode up = system("down");
        assertThat(up.path("feed").asString()).isEqualTo("up");
        assertThat(up.path("downSince").isNull()).isTrue();
        assertThat(up.path("reason").isNull()).isTrue();
        assertThat(up.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(up.path("stations").asInt()).isEqualTo(1);

        JsonNode idle = system("idle");
        assertThat(idle.path("feed").asString()).isEqualTo("up");
        assertThat(idle.path("stations").asInt()).isZero();
        assertThat(idle.path("lastSnapshotAt").isNull()).isTrue();
    }

    @Test
    void retentionDeletesOnlySnapshotsPastItWhoseHoursAreDerived() {
        // A snapshot every 30 minutes for six hours; the newest at 05:30 keeps the hour 05:00 open.
        Instant start = Instant.parse("2026-08-01T00:00:00Z");
        FeedWriter feed = new FeedWriter(SERVER, "/kept", "2.3");
        feed.serveDiscovery("Africa/Abidjan", 60);
        feed.serveStations(
                start, List.of(new FeedWriter.Info("1", "One", 0, 0, 40), new FeedWriter.Info("2", "Two", 0, 0, 40)));
        pollSnapshots("kept", feed, start, Duration.ofMinutes(30), 12);
        String hours =
                "SELECT string_agg(station_id || hour_start || departures || arrivals || snapshots || closed, ','"
                        + " ORDER BY station_id, hour_start) FROM gbfs_station_hour WHERE system_id = 'kept'";
        String before = jdbc.queryForObject(hours, String.class);
        double deletedBefore = deletedCounter();

        // Retention 2h by the feed's clock: older than 03:30 goes, i.e. the seven snapshots 00:00 to 03:00.
        assertThat(retention.prune("kept")).isEqualTo(7);
        assertThat(snapshotTimes())
                .containsExactly(
                        "2026-08-01T03:30:00Z",
                        "2026-08-01T04:00:00Z",
                        "2026-08-01T04:30:00Z",
                        "2026-08-01T05:00:00Z",
                        "2026-08-01T05:30:00Z");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM gbfs_snapshot_station ss WHERE NOT EXISTS"
                                + " (SELECT 1 FROM gbfs_snapshot s WHERE s.id = ss.snapshot_id)",
                        Integer.class))
                .isZero();
        assertThat(deletedCounter() - deletedBefore).isEqualTo(7);
        assertThat(jdbc.queryForObject(hours, String.class))
                .as("the station hours are kept")
                .isEqualTo(before);
        assertThat(retention.prune("kept")).isZero();

        // Whatever the cut-off, a snapshot in an hour still open, and the newest, are never deleted.
        assertThat(store.deleteSnapshotsBefore("kept", Instant.parse("2026-08-02T00:00:00Z"), 100))
                .isEqualTo(3);
        assertThat(snapshotTimes()).containsExactly("2026-08-01T05:00:00Z", "2026-08-01T05:30:00Z");

        // The next snapshot is derived against the kept newest one as before.
        Instant next = start.plus(Duration.ofMinutes(30 * 12));
        feed.serveStatus(next, 60, quiet(12, next));
        CLOCK.set(next.plusSeconds(5));
        assertThat(poller.pollOnce("kept").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        assertThat(jdbc.queryForObject(
                        "SELECT departures FROM gbfs_station_hour WHERE system_id = 'kept' AND station_id = '1'"
                                + " AND hour_start = '2026-08-01T06:00:00Z'",
                        Integer.class))
                .isEqualTo(1);
    }

    private List<String> snapshotTimes() {
        return jdbc
                .queryForList(
                        "SELECT last_updated FROM gbfs_snapshot WHERE system_id = 'kept' ORDER BY last_updated",
                        java.time.OffsetDateTime.class)
                .stream()
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString())
                .toList();
    }

    private double deletedCounter() {
        return meters.get("bikecast.gbfs.snapshots.deleted")
                .tag("system", "kept")
                .counter()
                .count();
    }

    private JsonNode system(String id) {
        JsonNode systems = api.get("/api/v1/gbfs/systems").body();
        return systems.valueStream()
                .filter(s -> s.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private double gauge(String name, String system) {
        return meters.get(name).tag("system", system).gauge().value();
    }
}
