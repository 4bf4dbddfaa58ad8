package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.features.UciNormalization;
import io.bikecast.local.simulation.GbfsSimulator;
import io.bikecast.local.simulation.SimulatedHour;
import io.bikecast.local.simulation.SimulationSettings;
import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilitydata.gbfs.v2_3.gbfs.GBFSFeeds;
import org.mobilitydata.gbfs.v2_3.gbfs.GBFSGbfs;
import org.mobilitydata.gbfs.v2_3.station_information.GBFSStationInformation;
import org.mobilitydata.gbfs.v2_3.station_status.GBFSStationStatus;
import org.mobilitydata.gbfs.v2_3.system_information.GBFSSystemInformation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated GBFS system through the ingest service of a real suite (embedded PostgreSQL and KRaft Kafka), polled
 * by ingest's own scheduler: 120 stations over a day of {@code hour.csv}. What a user watching it would check: every
 * station hour ingest derives has the simulator's departures and arrivals exactly, no rider's trip is taken for a
 * rebalancing truck, most hours become observations, the observations of an hour in which every station was
 * observed add up to {@code hour.csv}'s {@code cnt} and carry its weather, and the feed is what MobilityData's
 * gbfs-java-model reads, with no field it does not know.
 */
class GbfsSimulationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "simulation-key";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void ingestDerivesTheSimulatedTripsExactlyAndItsObservationsAddUpToHourCsv() throws Exception {
        UciHourCsv csv = UciHourCsv.read(UciDataset.hourCsv());
        List<SimulatedHour> hours = SimulatedGbfs.hoursOf(csv);
        SimulationSettings settings =
                SimulationSettings.of(120).window(LocalDate.of(2012, 9, 4), 1).pollingEvery(Duration.ofMillis(50));
        List<String> progress = new ArrayList<>();
        try (GbfsSimulator simulator = GbfsSimulator.start(settings, hours, line -> {
            synchronized (progress) {
                progress.add(line);
            }
        })) {
            SuiteSettings suiteSettings = SimulatedGbfs.polling(
                    new SuiteSettings(
                            data.resolve("postgres"),
                            FreePortSuites.freePort(),
                            0,
                            ServiceDefinition.usual().stream()
                                    .filter(service -> service.name().equals("ingest-service"))
                                    .map(service -> service.onPort(FreePortSuites.freePort()))
                                    .toList(),
                            KEY,
                            Optional.empty(),
                            Map.of()),
                    simulator);
            try (RunningSuite suite = RunningSuite.start(suiteSettings)) {
                String ingest = suite.baseUrl("ingest-service");
                simulator.backfillWeather(ingest, KEY);
                String system = settings.systemId();
                int stations = settings.stations();
                int expectedHours = stations * 24;
                String hoursUrl = ingest + "/api/v1/gbfs/systems/" + system + "/station-hours?size=10000&from="
                        + simulator.start() + "&to=" + simulator.end();

                // Every hour of the day closed and handled: published, or left out as censored.
                JsonNode items = Polling.until(
                        "ingest to handle all " + expectedHours + " station hours of the simulated day",
                        Duration.ofMinutes(5),
                        () -> {
                            JsonNode page = getJson(hoursUrl).path("items");
                            long handled = 0;
                            for (JsonNode h : page) {
                                if (h.path("closed").asBoolean() && h.hasNonNull("observation")) {
                                    handled++;
                                }
                            }
                            return handled == expectedHours ? page : null;
                        },
                        items1 -> true,
                        hoursUrl + " and " + simulator.baseUrl() + "/simulation.json");
                assertThat(simulator.replayed()).isTrue();

                Map<String, JsonNode> derived = new HashMap<>();
                Map<String, Integer> fates = new TreeMap<>();
                for (JsonNode h : items) {
                    derived.put(
                            h.path("stationId").asString() + "@"
                                    + Instant.parse(h.path("hourStart").asString()),
                            h);
                    fates.merge(h.path("observation").asString(), 1, Integer::sum);
                }
                assertThat(derived).hasSize(expectedHours);
                int emptyOrFull = 0;
                for (GbfsSimulator.StationHour expected : simulator.stationHours()) {
                    JsonNode h = derived.get(expected.stationId() + "@" + expected.hourStart());
                    assertThat(h)
                            .as("station %s, hour %s", expected.stationId(), expected.hourStart())
                            .isNotNull();
                    assertThat(h.path("departures").asInt())
                            .as("departures of station %s in %s", expected.stationId(), expected.hourStart())
                            .isEqualTo(expected.departures());
                    assertThat(h.path("arrivals").asInt())
                            .as("arrivals of station %s in %s", expected.stationId(), expected.hourStart())
                            .isEqualTo(expected.arrivals());
                    assertThat(h.path("rebalancingSteps").asInt()).isZero();
                    assertThat(h.path("empty").asBoolean() || h.path("full").asBoolean())
                            .as("empty or full, station %s in %s", expected.stationId(), expected.hourStart())
                            .isEqualTo(expected.emptyOrFull());
                    emptyOrFull += expected.emptyOrFull() ? 1 : 0;
                }
                // Mostly uncensored: a system that keeps running empty would teach nothing.
                assertThat(fates.keySet()).containsAnyOf("PUBLISHED").doesNotContain("REBALANCING", "REJECTED");
                assertThat(fates.get("PUBLISHED")).isGreaterThanOrEqualTo(expectedHours * 9 / 10);
                assertThat(fates.getOrDefault("CENSORED", 0)).isEqualTo(emptyOrFull);

                // The observations: per hour in which every station was observed, they sum to hour.csv's cnt and
                // carry the hour's weather and calendar as hour.csv has them.
                Map<LocalDateTime, UciHourCsv.UciHour> uci = new HashMap<>();
                csv.hours().forEach(row -> uci.put(row.hour(), row));
                Map<LocalDateTime, Integer> sums = new TreeMap<>();
                Map<LocalDateTime, Integer> observedStations = new TreeMap<>();
                for (String station : simulator.stationIds()) {
                    JsonNode page = getJson(ingest + "/api/v1/ingest/observations?series=" + system + "-" + station
                            + "&from=" + settings.from() + "T00:00&to=" + settings.to() + "T00:00&size=100");
                    for (JsonNode o : page.path("items")) {
                        LocalDateTime hour = LocalDateTime.parse(o.path("hour").asString());
                        sums.merge(hour, o.path("cnt").asInt(), Integer::sum);
                        observedStations.merge(hour, 1, Integer::sum);
                        assertFeaturesOf(o, uci.get(hour));
                    }
                }
                assertThat(observedStations.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .isEqualTo(fates.get("PUBLISHED"));
                int complete = 0;
                for (Map.Entry<LocalDateTime, Integer> e : observedStations.entrySet()) {
                    if (e.getValue() == stations) {
                        complete++;
                        assertThat(sums.get(e.getKey()))
                                .as("the stations' observations of %s", e.getKey())
                                .isEqualTo(uci.get(e.getKey()).cnt());
                    }
                }
                assertThat(complete)
                        .as("hours in which every station was observed")
                        .isGreaterThanOrEqualTo(12);

                assertReadByGbfsJavaModel(simulator, stations);
                assertForecastsOnTheFeedsClock(ingest, simulator, uci);
                assertSystemAndItsMetrics(ingest, simulator, stations);
            }
        }
        progress.forEach(System.out::println);
        assertThat(progress)
                .anySatisfy(line -> assertThat(line).contains("120 stations"))
                .anySatisfy(line -> assertThat(line).contains("replayed"))
                .anySatisfy(line -> assertThat(line).contains("backfilled"));
    }

    @Test
    void aMalformedSimulationOrAWindowOutsideTheDataIsRefusedBeforeAnythingStarts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalSuite.dispatch(
                List.of("--simulate-gbfs", "100", "--simulate-days", "a week"),
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(BacktestCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("bikecast: --simulate-days is a whole number, not a week")
                .contains("bin/local-suite --simulate-gbfs N");
        assertThat(out.size()).isZero();

        err.reset();
        exit = LocalSuite.dispatch(
                List.of("--simulate-gbfs", "100", "--simulate-from", "2012-12-30"),
                Map.of(SuiteSettings.HOUR_CSV_ENV, UciDataset.hourCsv().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(BacktestCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the simulated window 2012-12-30 to 2013-01-06 is not inside hour.csv's days, 2011-01-01 to"
                        + " 2012-12-31");
        assertThat(out.size()).isZero();
    }

    /**
     * The weather location is on the system's feed clock, so forecasts were issued at the replay's times: the one
     * current at the end of the window was issued then, and (the simulator's forecast being what happened) forecasts
     * hour.csv's weather.
     */
    private void assertForecastsOnTheFeedsClock(
            String ingest, GbfsSimulator simulator, Map<LocalDateTime, UciHourCsv.UciHour> uci) throws Exception {
        String system = simulator.settings().systemId();
        JsonNode forecast = getJson(ingest + "/api/v1/weather/" + system + "/forecast?hours=3");
        Instant issuedAt = Instant.parse(forecast.path("issuedAt").asString());
        assertThat(issuedAt)
                .isAfterOrEqualTo(simulator.end().minus(Duration.ofHours(2)))
                .isBeforeOrEqualTo(simulator.end());
        JsonNode early = getJson(ingest + "/api/v1/weather/" + system + "/forecast?hours=24&asOf="
                + simulator.start().plus(Duration.ofHours(12)));
        Instant earlyIssue = Instant.parse(early.path("issuedAt").asString());
        assertThat(earlyIssue)
                .isAfterOrEqualTo(simulator.start())
                .isBeforeOrEqualTo(simulator.start().plus(Duration.ofHours(12)));
        JsonNode first = early.path("hours").get(0);
        UciHourCsv.UciHour row = uci.get(LocalDateTime.ofInstant(
                Instant.parse(first.path("hour").asString()), ZoneId.of(GbfsSimulator.TIMEZONE)));
        assertThat(first.path("temperatureCelsius").asDouble())
                .isEqualTo(UciNormalization.temperatureCelsius(row.temp()));
        assertThat(first.path("weatherSituation").asInt()).isEqualTo(row.weathersit());
    }

    /** {@code GET /api/v1/gbfs/systems} describes the system, and ingest exports every metric the GBFS rules use. */
    private void assertSystemAndItsMetrics(String ingest, GbfsSimulator simulator, int stations) throws Exception {
        JsonNode system = getJson(ingest + "/api/v1/gbfs/systems").get(0);
        assertThat(system.path("id").asString()).isEqualTo(simulator.settings().systemId());
        assertThat(system.path("timeZone").asString()).isEqualTo(GbfsSimulator.TIMEZONE);
        assertThat(system.path("stations").asInt()).isEqualTo(stations);
        assertThat(system.path("feed").asString()).isEqualTo("up");
        assertThat(Instant.parse(system.path("lastSnapshotAt").asString())).isEqualTo(simulator.end());
        HttpResponse<String> scrape = http.send(
                HttpRequest.newBuilder(URI.create(ingest + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(DeploymentFiles.exposedMetricNames(scrape.body()))
                .containsAll(DeploymentFiles.metricsIn(DeploymentFiles.PROMETHEUS.resolve("gbfs-rules.yml")));
    }

    /** The features of a station's observation are hour.csv's of the same hour: weather back and forth is exact. */
    private static void assertFeaturesOf(JsonNode observation, UciHourCsv.UciHour row) {
        assertThat(row).as("hour.csv's row of %s", observation.path("hour")).isNotNull();
        UciFeatures expected = FeatureEngineering.fromNatural(new NaturalConditions(
                row.hour(),
                UciNormalization.temperatureCelsius(row.temp()),
                UciNormalization.feelsLikeCelsius(row.atemp()),
                UciNormalization.humidityPercent(row.hum()),
                UciNormalization.windSpeedKmh(row.windspeed()),
                row.weathersit()));
        assertThat(observation.path("temp").asDouble()).isEqualTo(row.temp());
        assertThat(observation.path("atemp").asDouble()).isEqualTo(row.atemp());
        assertThat(observation.path("hum").asDouble()).isEqualTo(row.hum());
        assertThat(observation.path("windspeed").asDouble()).isEqualTo(row.windspeed());
        assertThat(observation.path("weathersit").asInt()).isEqualTo(row.weathersit());
        assertThat(observation.path("hr").asInt()).isEqualTo(row.hr());
        assertThat(observation.path("workingday").asInt()).isEqualTo(row.workingday());
        assertThat(observation.path("temp").asDouble()).isEqualTo(expected.temp());
    }

    /**
     * Each file read with gbfs-java-model's 2.3 classes, as ingest reads it; a field the model does not know would land
     * in its additional properties, so there must be none. Reading station_status after the window is harmless: the
     * feed stays at its last snapshot.
     */
    private void assertReadByGbfsJavaModel(GbfsSimulator simulator, int stations) throws Exception {
        // Strict: a field a class does not know fails the read (the classes with additional properties are checked
        // below).
        ObjectMapper model = new ObjectMapper();
        String discovery = get(simulator.autoDiscoveryUrl());
        // 2.3's data is keyed by language, which the model leaves untyped: read the envelope leniently, the feeds
        // strictly, as ingest does.
        GBFSGbfs gbfs = model.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(discovery, GBFSGbfs.class);
        assertThat(gbfs.getVersion()).isEqualTo("2.3");
        assertThat(gbfs.getTtl()).isZero();
        assertThat(gbfs.getAdditionalProperties()).isEmpty();
        GBFSFeeds feeds =
                model.treeToValue(model.readTree(discovery).path("data").path("en"), GBFSFeeds.class);
        assertThat(feeds.getFeeds())
                .extracting(feed -> feed.getName().value())
                .containsExactly("system_information", "station_information", "station_status");

        GBFSSystemInformation info = model.readValue(
                get(simulator.baseUrl() + "/gbfs/system_information.json"), GBFSSystemInformation.class);
        assertThat(info.getData().getTimezone().value()).isEqualTo(GbfsSimulator.TIMEZONE);
        assertThat(info.getData().getName()).isNotBlank();
        assertThat(info.getData().getLanguage()).isEqualTo("en");
        assertThat(info.getData().getAdditionalProperties()).isEmpty();

        GBFSStationInformation stationInformation = model.readValue(
                get(simulator.baseUrl() + "/gbfs/station_information.json"), GBFSStationInformation.class);
        assertThat(stationInformation.getData().getStations()).hasSize(stations).allSatisfy(s -> {
            assertThat(s.getName()).isNotBlank();
            assertThat(s.getLat()).isBetween(38.7, 39.1);
            assertThat(s.getLon()).isBetween(-77.3, -76.8);
            assertThat(s.getCapacity()).isGreaterThanOrEqualTo(11);
            assertThat(s.getAdditionalProperties()).isEmpty();
        });

        GBFSStationStatus status =
                model.readValue(get(simulator.baseUrl() + "/gbfs/station_status.json"), GBFSStationStatus.class);
        assertThat(status.getTtl()).isZero();
        assertThat(Instant.ofEpochSecond(status.getLastUpdated())).isEqualTo(simulator.end());
        assertThat(status.getData().getStations()).hasSize(stations).allSatisfy(s -> {
            assertThat(s.getNumBikesAvailable()).isNotNegative();
            assertThat(s.getNumDocksAvailable()).isNotNegative();
            assertThat(s.getIsInstalled()).isTrue();
            assertThat(s.getIsRenting()).isTrue();
            assertThat(s.getIsReturning()).isTrue();
            assertThat(s.getLastReported()).isEqualTo(status.getLastUpdated());
            assertThat(s.getAdditionalProperties()).isEmpty();
        });
    }

    private JsonNode getJson(String url) {
        return JSON.readTree(get(url));
    }

    private String get(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("GET %s: %s", url, response.body())
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
