package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.IngestApi;
import io.bikecast.ingest.LocalHttpServer;
import io.bikecast.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * GBFS polling end to end on real PostgreSQL and Kafka, against a local server serving spec-shaped feeds: the 2.3 and
 * 3.0 fixtures, a 200-station, 48-hour random walk whose hourly rows must equal those the test derives on its own, an
 * outage, and hostile payloads. The poller runs only when the test calls it, on the test's clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32",
            "bikecast.ingest.gbfs.scheduler=false",
            "bikecast.ingest.gbfs.read-timeout=500ms",
            "bikecast.ingest.gbfs.max-payload-size=1MB"
        })
@RealInfrastructure
@Import(GbfsTestConfiguration.class)
class GbfsIngestTest {

    static final LocalHttpServer SERVER = new LocalHttpServer();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final TestClock CLOCK = GbfsTestConfiguration.CLOCK;
    static final List<String> SYSTEMS = List.of("dc", "mtl", "sim", "sim3", "flaky", "hostile");

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        GbfsTestConfiguration.systems(registry, SERVER, SYSTEMS);
    }

    @LocalServerPort
    int port;

    @Autowired
    GbfsPoller poller;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    IngestApi api;

    @BeforeEach
    void setUp() {
        api = new IngestApi(port);
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    /** Serves a fixture directory under /{system}/, its {base} pointing there. */
    static void serveFixtures(String version, String system) {
        String base = "http://127.0.0.1:" + SERVER.port() + "/" + system;
        for (String file : List.of("gbfs", "system_information", "station_information", "station_status")) {
            SERVER.serve("/" + system + "/" + file + ".json", bytes(fixture(version, file, base)));
        }
    }

    @Test
    void theGbfs23FixtureIsStoredWithItsStationsAndFlags() {
        serveFixtures("2.3", "dc");
        CLOCK.set(Instant.parse("2026-03-07T10:00:30Z"));

        GbfsPoller.Result first = poller.pollOnce("dc");
        assertThat(first.outcome()).as(String.valueOf(first.detail())).isEqualTo(GbfsPoller.Outcome.STORED);
        assertThat(poller.pollOnce("dc").outcome()).isEqualTo(GbfsPoller.Outcome.UNCHANGED);

        JsonNode stations = api.get("/api/v1/gbfs/systems/dc/stations").body();
        assertThat(stations.path("items")).hasSize(3);
        Map<String, JsonNode> byId = new HashMap<>();
        stations.path("items").forEach(s -> byId.put(s.path("stationId").asString(), s));
        assertThat(byId.get("31000").path("seriesId").asString()).isEqualTo("dc-31000");
        assertThat(byId.get("31000").path("name").asString()).isEqualTo("20th & Bell St");
        assertThat(byId.get("31000").path("capacity").asInt()).isEqualTo(15);
        assertThat(byId.get("08263F12-1F3F-11E7-BF6B-3863BB334450")
                        .path("seriesId")
                        .asString())
                .matches("dc-08263f12-1f3f-11e7-bf6b-3863bb334450-[0-9a-f]{8}");
        assertThat(byId.get("dock.7").path("seriesId").asString()).matches("dc-dock-7-[0-9a-f]{8}");

        Map<String, JsonNode> hours = hoursByStation("dc", "2026-03-07T10:00:00Z", "2026-03-07T11:00:00Z");
        assertThat(hours).hasSize(3);
        assertThat(hours.get("31000").path("snapshots").asInt()).isEqualTo(1);
        assertThat(hours.get("31000").path("censored").asBoolean()).isFalse();
        assertThat(hours.get("31000").path("localHour").asString()).isEqualTo("2026-03-07T05:00:00");
        assertThat(hours.get("08263F12-1F3F-11E7-BF6B-3863BB334450")
                        .path("empty")
                        .asBoolean())
                .isTrue();
        assertThat(hours.get("dock.7").path("full").asBoolean()).isTrue();
        assertThat(hours.get("dock.7").path("notRenting").asBoolean()).isTrue();
        assertThat(hours.get("dock.7").path("censored").asBoolean()).isTrue();

        JsonNode polls = api.get("/api/v1/gbfs/systems/dc/polls").body().path("items");
        assertThat(polls.get(0).path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(polls.get(1).path("outcome").asString()).isEqualTo("STORED");
        assertThat(polls.get(1).path("version").asString()).isEqualTo("2.3");
        assertThat(polls.get(1).path("stations").asInt()).isEqualTo(3);
        assertThat(SERVER.requested()).doesNotContain("/dc/fr/station_status.json");

        // An older snapshot than the stored one (a stale cache in front of the feed) is refused, not stored.
        String base = "http://127.0.0.1:" + SERVER.port() + "/dc";
        String status = fixture("2.3", "station_status", base);
        SERVER.serve("/dc/station_status.json", bytes(status.replace("1772877900", "1772877000")));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(poller.pollOnce("dc").outcome()).isEqualTo(GbfsPoller.Outcome.OUT_OF_ORDER);

        // A renamed station keeps its series id; a station no longer listed is marked missing, not deleted.
        String info = fixture("2.3", "station_information", base)
                .replace("\"last_updated\": 1772877600", "\"last_updated\": 1772881200")
                .replace("20th & Bell St", "20th St & Bell Ave");
        int dock7 = info.indexOf("{\"station_id\": \"dock.7\"");
        info = info.substring(0, info.lastIndexOf(',', dock7)) + info.substring(info.indexOf('}', dock7) + 1);
        SERVER.serve("/dc/station_information.json", bytes(info));
        SERVER.serve("/dc/station_status.json", bytes(status.replace("1772877900", "1772878200")));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(poller.pollOnce("dc").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        Map<String, JsonNode> after = new HashMap<>();
        api.get("/api/v1/gbfs/systems/dc/stations")
                .body()
                .path("items")
                .forEach(st -> after.put(st.path("stationId").asString(), st));
        assertThat(after).hasSize(3);
        assertThat(after.get("31000").path("name").asString()).isEqualTo("20th St & Bell Ave");
        assertThat(after.get("31000").path("seriesId").asString()).isEqualTo("dc-31000");
        assertThat(after.get("31000").path("missingSince").isNull()).isTrue();
        assertThat(after.get("dock.7").path("missingSince").asString())
                .isEqualTo(CLOCK.instant().toString());
        assertThat(after.get("dock.7").path("seriesId").asString())
                .isEqualTo(byId.get("dock.7").path("seriesId").asString());
        // Listed again an hour later, unchanged: it is back, and last_seen has moved.
        CLOCK.advance(Duration.ofHours(1));
        SERVER.serve(
                "/dc/station_information.json",
                bytes(fixture("2.3", "station_information", base)
                        .replace("\"last_updated\": 1772877600", "\"last_updated\": 1772884800")));
        SERVER.serve("/dc/station_status.json", bytes(status.replace("1772877900", "1772881800")));
        assertThat(poller.pollOnce("dc").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        JsonNode back = api.get("/api/v1/gbfs/systems/dc/stations").body().path("items");
        assertThat(back).allSatisfy(st -> {
            assertThat(st.path("missingSince").isNull()).isTrue();
            assertThat(st.path("lastSeen").asString()).isEqualTo(CLOCK.instant().toString());
        });
        assertThat(back.get(1).path("stationId").asString()).isEqualTo("31000");
        assertThat(back.get(1).path("name").asString()).isEqualTo("20th & Bell St");
    }

    private static String fixture(String version, String file, String base) {
        try (InputStream in = GbfsIngestTest.class.getResourceAsStream("/gbfs/v" + version + "/" + file + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theGbfs30FixtureIsStoredWithLocalizedNamesAndItsZone() {
        serveFixtures("3.0", "mtl");
        CLOCK.set(Instant.parse("2026-03-07T10:00:30Z"));

        GbfsPoller.Result result = poller.pollOnce("mtl");

        assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(GbfsPoller.Outcome.STORED);
        JsonNode stations = api.get("/api/v1/gbfs/systems/mtl/stations").body().path("items");
        assertThat(stations).hasSize(2);
        assertThat(stations.get(0).path("stationId").asString()).isEqualTo("Station 42");
        assertThat(stations.get(0).path("seriesId").asString()).matches("mtl-station-42-[0-9a-f]{8}");
        assertThat(stations.get(0).path("name").asString()).isEqualTo("Parc La Fontaine");
        assertThat(stations.get(1).path("name").asString()).isEqualTo("Mont-Royal Metro");

        Map<String, JsonNode> hours = hoursByStation("mtl", "2026-03-07T09:00:00Z", "2026-03-07T11:00:00Z");
        assertThat(hours.get("a1b2").path("censored").asBoolean()).isFalse();
        assertThat(hours.get("a1b2").path("hourStart").asString()).isEqualTo("2026-03-07T10:00:00Z");
        assertThat(hours.get("Station 42").path("notInstalled").asBoolean()).isTrue();
        assertThat(hours.get("Station 42").path("notReporting").asBoolean()).isTrue();
        assertThat(poller.nextDue("mtl")).contains(CLOCK.instant().plusSeconds(120));
    }

    @Test
    void twoHundredStationsOverFortyEightHoursBecomeTheHoursDerivedIndependently() {
        runScenario("sim", "2.3", 200, 193);
    }

    @Test
    void gbfs30SnapshotsAreDerivedTheSameWay() {
        runScenario("sim3", "3.0", 30, 49);
    }

    private void runScenario(String system, String version, int stations, int steps) {
        Instant start = LocalDateTime.parse("2026-03-07T00:00").atZone(NEW_YORK).toInstant();
        Scenario scenario = new Scenario(42, stations, start, Duration.ofMinutes(15), steps);
        FeedWriter feed = new FeedWriter(SERVER, "/" + system, version);
        feed.serveDiscovery("America/New_York", 60);
        feed.serveStations(start, scenario.stations);
        for (int t = 0; t < steps; t++) {
            feed.serveStatus(scenario.times.get(t), 60, scenario.snapshots.get(t));
            CLOCK.set(scenario.times.get(t).plusSeconds(10));
            GbfsPoller.Result result = poller.pollOnce(system);
            assertThat(result.outcome()).as("step %d: %s", t, result.detail()).isEqualTo(GbfsPoller.Outcome.STORED);
        }
        // Polling the last snapshot again adds nothing.
        assertThat(poller.pollOnce(system).outcome()).isEqualTo(GbfsPoller.Outcome.UNCHANGED);

        Map<Scenario.Key, Scenario.Hour> expected =
                scenario.expectedHours(IntStream.range(0, steps).boxed().toList(), NEW_YORK, 10);
        assertStoredHours(system, expected);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gbfs_snapshot WHERE system_id = ?", Integer.class, system))
                .isEqualTo(steps);
        // The scenario has all the conditions it is meant to test.
        assertThat(expected.values()).anyMatch(Scenario.Hour::rebalancing);
        assertThat(expected.values()).anyMatch(Scenario.Hour::empty);
        assertThat(expected.values()).anyMatch(Scenario.Hour::full);
        assertThat(expected.values()).anyMatch(Scenario.Hour::notRenting);
        if (steps > 110) {
            assertThat(expected.values()).anyMatch(Scenario.Hour::notInstalled);
            assertThat(expected.values()).anyMatch(Scenario.Hour::notReporting);
        }
        // Every hour but the last has seen a snapshot after its end.
        Instant lastHour = scenario.times
                .getLast()
                .atZone(NEW_YORK)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .toInstant();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM gbfs_station_hour WHERE system_id = ? AND NOT closed AND hour_start < ?",
                        Integer.class,
                        system,
                        lastHour.atOffset(java.time.ZoneOffset.UTC)))
                .isZero();
        // The read API agrees with the table, for a station whose id needed a hash.
        String dirty = scenario.stations.get(7).stationId();
        JsonNode page = api.get("/api/v1/gbfs/systems/" + system + "/station-hours?station="
                        + java.net.URLEncoder.encode(dirty, StandardCharsets.UTF_8) + "&from=" + start + "&to="
                        + start.plus(Duration.ofDays(3)))
                .body();
        long expectedRows = expected.keySet().stream()
                .filter(k -> k.stationId().equals(dirty))
                .count();
        assertThat(page.path("items")).hasSize((int) expectedRows);
        int departures = 0;
        for (JsonNode hour : page.path("items")) {
            departures += hour.path("departures").asInt();
        }
        assertThat(departures)
                .isEqualTo(expected.entrySet().stream()
                        .filter(e -> e.getKey().stationId().equals(dirty))
                        .mapToInt(e -> e.getValue().departures())
                        .sum());
    }

    /** The stored hours of the system equal the expected ones, one by one. */
    void assertStoredHours(String system, Map<Scenario.Key, Scenario.Hour> expected) {
        Map<Scenario.Key, Scenario.Hour> stored = new HashMap<>();
        jdbc.query(
                """
                SELECT station_id, hour_start, departures, arrivals, rebalancing, snapshots, station_empty, station_full, not_renting,
                    not_installed, not_reporting, censored FROM gbfs_station_hour WHERE system_id = ? AND snapshots > 0
                """,
                rs -> {
                    Scenario.Hour hour = new Scenario.Hour(
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getBoolean(5),
                            rs.getInt(6),
                            rs.getBoolean(7),
                            rs.getBoolean(8),
                            rs.getBoolean(9),
                            rs.getBoolean(10),
                            rs.getBoolean(11));
                    boolean censored = hour.empty()
                            || hour.full()
                            || hour.notRenting()
                            || hour.notInstalled()
                            || hour.notReporting();
                    assertThat(rs.getBoolean(12)).isEqualTo(censored);
                    stored.put(
                            new Scenario.Key(
                                    rs.getString(1),
                                    rs.getObject(2, OffsetDateTime.class).toInstant()),
                            hour);
                },
                system);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (var entry : expected.entrySet()) {
            assertThat(stored.get(entry.getKey())).as(entry.getKey().toString()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void anOutageIsRecordedAndLosesNoSnapshotAfterwards() {
        Instant start = Instant.parse("2026-03-09T04:00:00Z"); // midnight in New York
        Scenario scenario = new Scenario(7, 5, start, Duration.ofMinutes(15), 13);
        FeedWriter feed = new FeedWriter(SERVER, "/flaky", "3.0");
        String discovery = feed.serveDiscovery("America/New_York", 60);
        feed.serveStations(start, scenario.stations);
        String statusPath = "/flaky/station_status.json";
        for (int t = 0; t < 13; t++) {
            CLOCK.set(scenario.times.get(t).plusSeconds(10));
            byte[] status = feed.status(scenario.times.get(t), 60, scenario.snapshots.get(t))
                    .getBytes(StandardCharsets.UTF_8);
            if (t >= 4 && t < 8) {
                SERVER.answer(statusPath, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8));
            } else if (t == 8) {
                // gbfs.json now sends station_status to a server that never answers.
                SERVER.answer(statusPath, 200, status);
                SERVER.serve(
                        "/flaky/gbfs.json",
                        new String(fetch(discovery), StandardCharsets.UTF_8)
                                .replace(feed.url("station_status"), SERVER.silentUrl())
                                .getBytes(StandardCharsets.UTF_8));
            } else {
                if (t == 9) {
                    feed.serveDiscovery("America/New_York", 60);
                }
                SERVER.answer(statusPath, 200, status);
            }
            GbfsPoller.Result result = poller.pollOnce("flaky");
            if (t >= 4 && t < 8) {
                assertThat(result.reason()).isEqualTo(FeedFailure.Reason.BAD_STATUS);
                assertThat(gauge("bikecast.gbfs.poll.consecutive.failures", "flaky"))
                        .isEqualTo(t - 3);
                Duration backOff = Duration.ofSeconds(60L << (t - 4));
                assertThat(poller.nextDue("flaky")).contains(CLOCK.instant().plus(backOff));
                // Down since the last success at step 3: more than 30 minutes from step 6 on.
                assertThat(gauge("bikecast.gbfs.outage", "flaky")).isEqualTo(t >= 6 ? 1 : 0);
            } else if (t == 8) {
                assertThat(result.reason()).as(result.detail()).isEqualTo(FeedFailure.Reason.TIMED_OUT);
            } else {
                assertThat(result.outcome())
                        .as("step %d: %s", t, result.detail())
                        .isEqualTo(GbfsPoller.Outcome.STORED);
            }
        }
        assertThat(gauge("bikecast.gbfs.outage", "flaky")).isZero();
        assertThat(gauge("bikecast.gbfs.poll.consecutive.failures", "flaky")).isZero();
        assertThat(gauge("bikecast.gbfs.poll.last.success.timestamp", "flaky"))
                .isEqualTo(scenario.times.get(12).plusSeconds(10).getEpochSecond());
        assertThat(meters.get("bikecast.gbfs.outage.alerts")
                        .tag("system", "flaky")
                        .counter()
                        .count())
                .isEqualTo(1);

        List<Integer> stored = List.of(0, 1, 2, 3, 9, 10, 11, 12);
        assertThat(jdbc.queryForList(
                        "SELECT last_updated FROM gbfs_snapshot WHERE system_id = 'flaky' ORDER BY last_updated",
                        OffsetDateTime.class))
                .map(OffsetDateTime::toInstant)
                .containsExactlyElementsOf(
                        stored.stream().map(scenario.times::get).toList());
        assertStoredHours("flaky", scenario.expectedHours(stored, NEW_YORK, 10));
        // Step 3 is at 00:45, step 9 at 02:15: the 01:00 hour saw no snapshot and says so.
        Map<String, JsonNode> gap = hoursByStation("flaky", "2026-03-09T05:00:00Z", "2026-03-09T06:00:00Z");
        assertThat(gap).hasSize(5);
        assertThat(gap.values()).allSatisfy(h -> {
            assertThat(h.path("snapshots").asInt()).isZero();
            assertThat(h.path("notReporting").asBoolean()).isTrue();
            assertThat(h.path("censored").asBoolean()).isTrue();
            assertThat(h.path("closed").asBoolean()).isTrue();
        });

        JsonNode polls =
                api.get("/api/v1/gbfs/systems/flaky/polls?size=13").body().path("items");
        assertThat(polls).hasSize(13);
        assertThat(polls.get(4).path("reason").asString()).isEqualTo("TIMED_OUT");
        assertThat(polls.get(5).path("reason").asString()).isEqualTo("BAD_STATUS");
        assertThat(polls.get(5).path("detail").asString()).contains("503");
    }

    private static byte[] fetch(String url) {
        try (InputStream in = java.net.URI.create(url).toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void hostilePayloadsAreRecordedWithTheirReasonAndThePollerCarriesOn() {
        CLOCK.set(Instant.parse("2026-03-10T12:00:00Z"));
        FeedWriter feed = new FeedWriter(SERVER, "/hostile", "2.3");
        String good = new String(fetch(feed.serveDiscovery("America/New_York", 60)), StandardCharsets.UTF_8);
        Instant now = CLOCK.instant();
        List<FeedWriter.State> states = List.of(
                new FeedWriter.State("1", 3, 7, true, true, true, now),
                new FeedWriter.State("2", 0, 9, true, true, true, now));
        feed.serveStations(
                now,
                List.of(
                        new FeedWriter.Info("1", "One", 40.0, -74.0, 10),
                        new FeedWriter.Info("2", "Two", 40.1, -74.1, 9)));
        String status = feed.status(now, 60, states);

        Map<String, FeedFailure.Reason> gbfsJson = new java.util.LinkedHashMap<>();
        gbfsJson.put("<html>Gateway timeout</html>", FeedFailure.Reason.MALFORMED);
        gbfsJson.put("[1, 2, 3]", FeedFailure.Reason.MALFORMED);
        gbfsJson.put(
                good.replace("\"version\": \"2.3\"", "\"version\": \"1.1\""), FeedFailure.Reason.UNSUPPORTED_VERSION);
        gbfsJson.put(good.replace("\"version\": \"2.3\",", ""), FeedFailure.Reason.UNSUPPORTED_VERSION);
        gbfsJson.put(good.replace("\"version\": \"2.3\"", "\"version\": 2.3"), FeedFailure.Reason.UNSUPPORTED_VERSION);
        gbfsJson.put(good.replace("station_status", "station_statuses"), FeedFailure.Reason.MISSING_FEED);
        gbfsJson.put(good.replace("\"ttl\": 60", "\"ttl\": \"soon\""), FeedFailure.Reason.MALFORMED);
        gbfsJson.put(
                good.replace(feed.url("station_status"), "http://10.1.2.3/station_status.json"),
                FeedFailure.Reason.REFUSED_URL);
        gbfsJson.put(
                good.replace(feed.url("station_status"), "ftp://127.0.0.1/station_status.json"),
                FeedFailure.Reason.REFUSED_URL);
        for (var entry : gbfsJson.entrySet()) {
            feed.serve("gbfs", entry.getKey());
            feed.serve("station_status", status);
            assertFails(entry.getValue(), entry.getKey());
        }
        feed.serve("gbfs", good);

        Map<String, FeedFailure.Reason> statuses = new java.util.LinkedHashMap<>();
        statuses.put(
                status.replace("\"num_bikes_available\": 3", "\"num_bikes_available\": \"lots\""),
                FeedFailure.Reason.MALFORMED);
        statuses.put(
                status.replace("\"is_renting\": true", "\"is_renting\": {\"yes\": 1}"), FeedFailure.Reason.MALFORMED);
        statuses.put(
                status.replace("\"version\": \"2.3\"", "\"version\": \"3.0\""), FeedFailure.Reason.VERSION_MISMATCH);
        statuses.put(status.replaceFirst("\"last_updated\": \\d+, ", ""), FeedFailure.Reason.INVALID);
        statuses.put(
                "{\"last_updated\": 1, \"ttl\": 0, \"version\": \"2.3\", \"data\": {\"stations\": \"none\"}}",
                FeedFailure.Reason.MALFORMED);
        statuses.put("{\"last_updated\": 1, \"ttl\": 0, \"version\": \"2.3\"}", FeedFailure.Reason.INVALID);
        statuses.put(huge(), FeedFailure.Reason.TOO_LARGE);
        statuses.put(
                "{\"version\": \"2.3\", \"data\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                FeedFailure.Reason.MALFORMED);
        for (var entry : statuses.entrySet()) {
            feed.serve("station_status", entry.getKey());
            assertFails(entry.getValue(), entry.getKey().length() > 200 ? "huge" : entry.getKey());
        }
        feed.serve(
                "system_information",
                "{\"last_updated\": 1, \"ttl\": 0, \"version\": \"2.3\", \"data\": {\"system_id\": \"x\","
                        + " \"language\": \"en\", \"name\": \"X\", \"timezone\": \"Mars/Olympus_Mons\"}}");
        feed.serve("station_status", status);
        assertFails(FeedFailure.Reason.INVALID, "unknown time zone");
        feed.serveDiscovery("America/New_York", 60);

        // A station without its counts is left out and counted; the rest is stored.
        feed.serve("station_status", status.replace("\"num_bikes_available\": 0, ", ""));
        CLOCK.advance(Duration.ofMinutes(1));
        GbfsPoller.Result result = poller.pollOnce("hostile");
        assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(GbfsPoller.Outcome.STORED);
        JsonNode last = api.get("/api/v1/gbfs/systems/hostile/polls?size=1")
                .body()
                .path("items")
                .get(0);
        assertThat(last.path("stations").asInt()).isEqualTo(1);
        assertThat(last.path("stationsSkipped").asInt()).isEqualTo(1);

        JsonNode polls =
                api.get("/api/v1/gbfs/systems/hostile/polls?size=100").body().path("items");
        assertThat(polls).hasSize(gbfsJson.size() + statuses.size() + 2);
        assertThat(api.get("/api/v1/gbfs/systems/nowhere/polls").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/gbfs/systems/hostile/polls?size=0").status())
                .isEqualTo(400);
        assertThat(api.get(
                                "/api/v1/gbfs/systems/hostile/station-hours?from=2026-03-10T12:00:00Z&to=2026-03-10T11:00:00Z")
                        .status())
                .isEqualTo(400);
    }

    private void assertFails(FeedFailure.Reason reason, String what) {
        CLOCK.advance(Duration.ofMinutes(1));
        GbfsPoller.Result result = poller.pollOnce("hostile");
        assertThat(result.outcome()).as(what).isEqualTo(GbfsPoller.Outcome.FAILED);
        assertThat(result.reason()).as(what + ": " + result.detail()).isEqualTo(reason);
    }

    private static String huge() {
        StringBuilder json = new StringBuilder(
                "{\"last_updated\": 1, \"ttl\": 0, \"version\": \"2.3\", \"data\": " + "{\"stations\": [");
        while (json.length() < 2_000_000) {
            json.append("{\"station_id\": \"x\", \"num_bikes_available\": 1, \"is_installed\": true,"
                    + " \"is_renting\": true, \"is_returning\": true, \"last_reported\": 1},");
        }
        return json.append("{}]}}").toString();
    }

    private Map<String, JsonNode> hoursByStation(String system, String from, String to) {
        IngestApi.Answer answer =
                api.get("/api/v1/gbfs/systems/" + system + "/station-hours?from=" + from + "&to=" + to + "&size=10000");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        Map<String, JsonNode> hours = new HashMap<>();
        answer.body().path("items").forEach(h -> hours.put(h.path("stationId").asString(), h));
        return hours;
    }

    private double gauge(String name, String system) {
        return meters.get(name).tag("system", system).gauge().value();
    }
}
