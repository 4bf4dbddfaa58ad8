package io.bikecast.local.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.UciNormalization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's HTTP side over two days of made-up rows: the feed's clock moves one snapshot per read of
 * station_status and then stands still, a line per simulated day is logged, and the archive answers each UTC hour with
 * the weather of its Washington hour in real units, carrying a missing row's weather over for a day at most.
 */
class GbfsSimulatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFeedMovesOneSnapshotPerReadThenStandsStillAndTheArchiveAnswersTheDataSetsWeather() throws Exception {
        List<SimulatedHour> rows = new ArrayList<>();
        LocalDateTime first = LocalDateTime.parse("2012-06-01T00:00");
        for (int h = 0; h < 48; h++) {
            if (h == 30) {
                continue; // an hour the data set lacks
            }
            rows.add(new SimulatedHour(first.plusHours(h), 10 + h, 1 + h % 4, 0.5 + h / 1000.0, 0.5, 0.6, 0.2));
        }
        List<String> progress = new ArrayList<>();
        SimulationSettings settings = SimulationSettings.of(5).window(LocalDate.of(2012, 6, 1), 2);
        try (GbfsSimulator simulator = GbfsSimulator.start(settings, rows, progress::add)) {
            String status = simulator.baseUrl() + "/gbfs/station_status.json";
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < simulator.snapshots(); i++) {
                times.add(json(status).path("last_updated").asLong());
            }
            assertThat(simulator.replayed()).isTrue();
            assertThat(times).isSorted().doesNotHaveDuplicates();
            assertThat(Instant.ofEpochSecond(times.getFirst())).isEqualTo(simulator.start());
            assertThat(Instant.ofEpochSecond(times.getLast())).isEqualTo(simulator.end());
            assertThat(json(status).path("last_updated").asLong()).isEqualTo(times.getLast());
            assertThat(json(simulator.baseUrl() + "/simulation.json")
                            .path("served")
                            .asInt())
                    .isEqualTo(simulator.snapshots());
            assertThat(progress)
                    .anySatisfy(line -> assertThat(line).startsWith("GBFS simulation: 2012-06-02, snapshot"))
                    .anySatisfy(line -> assertThat(line).contains("replayed").contains("stays at its last snapshot"));

            // 2012-06-01 16:00 UTC is 12:00 in Washington (EDT), row 12; 2012-06-02 10:00 UTC is 06:00, the missing
            // row 30, which takes row 29's weather.
            JsonNode hourly = json(simulator.baseUrl() + "/v1/archive?latitude=38.9&longitude=-77&start_date=2012-06-01"
                            + "&end_date=2012-06-04&hourly=x&wind_speed_unit=kmh&timezone=GMT")
                    .path("hourly");
            List<String> time = new ArrayList<>();
            hourly.path("time").forEach(t -> time.add(t.asString()));
            int noon = time.indexOf("2012-06-01T16:00");
            assertThat(hourly.path("temperature_2m").get(noon).asDouble())
                    .isEqualTo(UciNormalization.temperatureCelsius(0.512));
            assertThat(hourly.path("relative_humidity_2m").get(noon).asDouble())
                    .isEqualTo(UciNormalization.humidityPercent(0.6));
            assertThat(hourly.path("weather_code").get(noon).asInt()).isEqualTo(GbfsSimulator.wmoCode(1));
            int missing = time.indexOf("2012-06-02T10:00");
            assertThat(hourly.path("temperature_2m").get(missing).asDouble())
                    .isEqualTo(UciNormalization.temperatureCelsius(0.529));
            // The first four UTC hours of 2012-06-01 fall before the data set's first row (local midnight) and are
            // left out; after its last row (2012-06-02 23:00 local, 2012-06-03 03:00 UTC) its weather is carried for a
            // day, to 2012-06-04 03:00 UTC, and no further.
            assertThat(time)
                    .hasSize(20 + 24 + 24 + 4)
                    .doesNotContain("2012-06-01T03:00", "2012-06-04T04:00")
                    .contains("2012-06-01T04:00", "2012-06-04T03:00");
            assertThat(json(simulator.baseUrl() + "/v1/forecast?latitude=38.9&longitude=-77&past_hours=24"
                                    + "&forecast_hours=48&hourly=x&wind_speed_unit=kmh&timezone=GMT")
                            .path("hourly")
                            .path("time"))
                    .isEmpty();
            // Asked for hours of the replay (ingest's feed clock), the forecast is what happened: the archive's hours.
            JsonNode forecast = json(simulator.baseUrl() + "/v1/forecast?latitude=38.9&longitude=-77"
                            + "&start_hour=2012-06-01T15:00&end_hour=2012-06-01T17:00&hourly=x&wind_speed_unit=kmh"
                            + "&timezone=GMT")
                    .path("hourly");
            assertThat(forecast.path("time").valueStream().map(JsonNode::asString))
                    .containsExactly("2012-06-01T15:00", "2012-06-01T16:00", "2012-06-01T17:00");
            assertThat(forecast.path("temperature_2m").get(1).asDouble())
                    .isEqualTo(hourly.path("temperature_2m").get(noon).asDouble());
            assertThat(forecast.path("weather_code").get(1).asInt())
                    .isEqualTo(hourly.path("weather_code").get(noon).asInt());
            HttpResponse<String> bad = http.send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/archive?start_date=soon"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("start_date and end_date");
        }
    }

    private JsonNode json(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
