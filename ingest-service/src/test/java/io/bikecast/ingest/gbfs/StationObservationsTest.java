package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.ingest.EventCollector;
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
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Station hours become observations end to end on real PostgreSQL and Kafka: a 24-station, 26-hour random walk is
 * polled, observed weather is stored for all but three hours, and every closed, uncensored hour without a rebalancing
 * step whose weather is there must come back through the observations API with its departures and the features of
 * its weather, and be announced once on Kafka; the rest waits for its weather, and a second run publishes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32",
            "bikecast.ingest.gbfs.scheduler=false",
            "bikecast.ingest.weather.scheduled=false"
        })
@RealInfrastructure
@Import(GbfsTestConfiguration.class)
class StationObservationsTest {

    static final String SYSTEM = "obs-nyc";
    static final LocalHttpServer SERVER = new LocalHttpServer();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final TestClock CLOCK = GbfsTestConfiguration.CLOCK;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        GbfsTestConfiguration.systems(registry, SERVER, List.of(SYSTEM));
    }

    @LocalServerPort
    int port;

    @Autowired
    GbfsPoller poller;

    @Autowired
    StationObservations observations;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    @Test
    void closedUncensoredHoursWithWeatherBecomeObservationsOnceAndTheOthersWaitForTheirWeather() throws Exception {
        int steps = 26 * 4 + 1;
        Instant start = LocalDateTime.parse("2026-06-01T00:00").atZone(NEW_YORK).toInstant();
        Scenario scenario = new Scenario(11, 24, start, Duration.ofMinutes(15), steps);
        FeedWriter feed = new FeedWriter(SERVER, "/" + SYSTEM, "2.3");
        feed.serveDiscovery("America/New_York", 60);
        feed.serveStations(start, scenario.stations);
        for (int t = 0; t < steps; t++) {
            feed.serveStatus(scenario.times.get(t), 60, scenario.snapshots.get(t));
            CLOCK.set(scenario.times.get(t).plusSeconds(10));
            assertThat(poller.pollOnce(SYSTEM).outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        }
        Map<Scenario.Key, Scenario.Hour> expected =
                scenario.expectedHours(IntStream.range(0, steps).boxed().toList(), NEW_YORK, 10);
        Instant openHour = scenario.times.getLast().truncatedTo(ChronoUnit.HOURS);

        // Weather for every hour but three (one early, two in the afternoon); none yet published without weather.
        Set<Instant> late = Set.of(
                start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(14)), start.plus(Duration.ofHours(15)));
        Map<Instant, WeatherHour> weather = new TreeMap<>();
        for (Instant h = start; !h.isAfter(openHour); h = h.plus(Duration.ofHours(1))) {
            int i = (int) Duration.between(start, h).toHours();
            weather.put(h, new WeatherHour(h, 12 + i * 0.5, 11 + i * 0.4, 40 + i, 5 + i % 7, i % 3, 1 + i % 3));
        }
        ObservedWeather.save(
                context,
                SYSTEM,
                weather.values().stream().filter(w -> !late.contains(w.hour())).toList());

        Map<String, String> seriesOf = new HashMap<>();
        new IngestApi(port)
                .get("/api/v1/gbfs/systems/" + SYSTEM + "/stations?size=100")
                .body()
                .path("items")
                .forEach(s -> seriesOf.put(
                        s.path("stationId").asString(), s.path("seriesId").asString()));
        assertThat(seriesOf).hasSize(24);

        Map<Scenario.Key, Scenario.Hour> observable = new HashMap<>();
        int censored = 0;
        int rebalancing = 0;
        for (Map.Entry<Scenario.Key, Scenario.Hour> e : expected.entrySet()) {
            Scenario.Hour h = e.getValue();
            if (!e.getKey().hourStart().isBefore(openHour)) {
                continue;
            }
            if (h.empty() || h.full() || h.notRenting() || h.notInstalled() || h.notReporting()) {
                censored++;
            } else if (h.rebalancing()) {
                rebalancing++;
            } else {
                observable.put(e.getKey(), h);
            }
        }
        Map<Scenario.Key, Scenario.Hour> withWeather = observable.entrySet().stream()
                .filter(e -> !late.contains(e.getKey().hourStart()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int waiting = observable.size() - withWeather.size();
        assertThat(censored).isPositive();
        assertThat(waiting).isPositive();
        assertThat(withWeather.size()).isGreaterThan(200);

        try (EventCollector events = new EventCollector(bootstrapServers)) {
            StationObservations.Run first = observations.publish(SYSTEM);
            assertThat(first.published()).isEqualTo(withWeather.size());
            assertThat(first.censored()).isEqualTo(censored);
            assertThat(first.rebalancing()).isEqualTo(rebalancing);
            assertThat(first.rejected()).isZero();
            assertThat(first.waiting()).isEqualTo(waiting);
            assertThat(meters.get("bikecast.gbfs.station.hours.waiting")
                            .tag("system", SYSTEM)
                            .gauge()
                            .value())
                    .isEqualTo(waiting);
            assertThat(meters.get("bikecast.gbfs.station.hours.handled")
                            .tag("system", SYSTEM)
                            .tag("fate", "CENSORED")
                            .counter()
                            .count())
                    .isEqualTo(censored);
            assertObservations(seriesOf, withWeather, weather);
            assertThat(EventCollector.await(
                            Duration.ofSeconds(30), () -> actuals(events).size() == withWeather.size()))
                    .isTrue();
            assertActuals(actuals(events), seriesOf, withWeather);

            // Nothing is published twice.
            StationObservations.Run again = observations.publish(SYSTEM);
            assertThat(again.published() + again.censored() + again.rebalancing() + again.batches())
                    .isZero();
            assertThat(again.waiting()).isEqualTo(waiting);

            // The late weather arrives: the hours that waited are published, and only they.
            ObservedWeather.save(
                    context,
                    SYSTEM,
                    weather.values().stream()
                            .filter(w -> late.contains(w.hour()))
                            .toList());
            StationObservations.Run afterWeather = observations.publish(SYSTEM);
            assertThat(afterWeather.published()).isEqualTo(waiting);
            assertThat(afterWeather.waiting()).isZero();
            assertThat(afterWeather.batches()).isEqualTo(1);
            assertObservations(seriesOf, observable, weather);
            assertThat(EventCollector.await(
                            Duration.ofSeconds(30), () -> actuals(events).size() == observable.size()))
                    .isTrue();
            assertActuals(actuals(events), seriesOf, observable);
            assertThat(observations.publish(SYSTEM).published()).isZero();
            Thread.sleep(1000);
            assertThat(actuals(events)).hasSize(observable.size());
        }
        // The batches are reported like every other source's.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM batch WHERE source = 'gbfs' AND origin = ?",
                        Integer.class,
                        "gbfs:" + SYSTEM))
                .isEqualTo(2);
        // The station-hours API tells what became of each hour.
        JsonNode hours = new IngestApi(port)
                .get("/api/v1/gbfs/systems/" + SYSTEM + "/station-hours?size=10000&from=" + start + "&to="
                        + openHour.plus(Duration.ofHours(1)))
                .body()
                .path("items");
        Map<String, Integer> fates = new HashMap<>();
        hours.forEach(h -> fates.merge(h.path("observation").asString("open"), 1, Integer::sum));
        assertThat(fates)
                .containsEntry("PUBLISHED", observable.size())
                .containsEntry("CENSORED", censored)
                .containsEntry("open", 24);
    }

    private static List<ActualObserved> actuals(EventCollector events) {
        return events.distinct(ActualObserved.class).stream()
                .filter(a -> a.seriesId().startsWith(SYSTEM + "-"))
                .toList();
    }

    private static void assertActuals(
            List<ActualObserved> actuals, Map<String, String> seriesOf, Map<Scenario.Key, Scenario.Hour> hours) {
        Map<String, Integer> expected = new HashMap<>();
        hours.forEach((key, h) -> expected.put(
                seriesOf.get(key.stationId()) + "@" + NaturalConditions.localHourOf(key.hourStart()), h.departures()));
        Map<String, Integer> announced = new HashMap<>();
        for (ActualObserved a : actuals) {
            assertThat(announced.put(a.seriesId() + "@" + a.hour(), a.count())).isNull();
        }
        assertThat(announced).isEqualTo(expected);
    }

    private void assertObservations(
            Map<String, String> seriesOf, Map<Scenario.Key, Scenario.Hour> hours, Map<Instant, WeatherHour> weather) {
        IngestApi api = new IngestApi(port);
        Map<String, List<Map.Entry<Scenario.Key, Scenario.Hour>>> byStation = hours.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().stationId()));
        for (Map.Entry<String, String> station : seriesOf.entrySet()) {
            Map<LocalDateTime, Map.Entry<Scenario.Key, Scenario.Hour>> want = new HashMap<>();
            for (var e : byStation.getOrDefault(station.getKey(), List.of())) {
                want.put(NaturalConditions.localHourOf(e.getKey().hourStart()), e);
            }
            IngestApi.Answer page = api.get("/api/v1/ingest/observations?series=" + station.getValue()
                    + "&from=2026-05-31T00:00:00&to=2026-06-03T00:00:00&size=1000");
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            List<LocalDateTime> seen = new ArrayList<>();
            for (JsonNode o : page.body().path("items")) {
                LocalDateTime hour = LocalDateTime.parse(o.path("hour").asString());
                seen.add(hour);
                var e = want.get(hour);
                assertThat(e).as("%s %s", station.getValue(), hour).isNotNull();
                assertThat(o.path("cnt").asInt()).isEqualTo(e.getValue().departures());
                assertThat(o.path("casual").isNull()).isTrue();
                WeatherHour w = weather.get(e.getKey().hourStart());
                UciFeatures f = FeatureEngineering.fromNatural(new NaturalConditions(
                        hour,
                        w.temperatureCelsius(),
                        w.feelsLikeCelsius(),
                        w.humidityPercent(),
                        w.windSpeedKmh(),
                        w.weatherSituation()));
                assertThat(o.path("hr").asInt()).isEqualTo(f.hr());
                assertThat(o.path("season").asInt()).isEqualTo(f.season());
                assertThat(o.path("weekday").asInt()).isEqualTo(f.weekday());
                assertThat(o.path("workingday").asInt()).isEqualTo(f.workingday());
                assertThat(o.path("holiday").asInt()).isEqualTo(f.holiday());
                assertThat(o.path("weathersit").asInt()).isEqualTo(f.weathersit());
                assertThat(o.path("temp").asDouble()).isEqualTo(f.temp());
                assertThat(o.path("atemp").asDouble()).isEqualTo(f.atemp());
                assertThat(o.path("hum").asDouble()).isEqualTo(f.hum());
                assertThat(o.path("windspeed").asDouble()).isEqualTo(f.windspeed());
            }
            assertThat(seen).as(station.getValue()).containsExactlyInAnyOrderElementsOf(want.keySet());
        }
    }
}
