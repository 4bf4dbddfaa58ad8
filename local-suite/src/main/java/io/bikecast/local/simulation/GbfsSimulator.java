package io.bikecast.local.simulation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bikecast.common.features.UciNormalization;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A simulated bike-share system on 127.0.0.1: a GBFS 2.3 feed of {@link SimulatedSystem}'s stations, and an
 * Open-Meteo compatible archive and forecast of the window's weather from {@code hour.csv}, so that ingest polls it like a real
 * system and the whole live path (snapshots, station hours, observations, events) runs on one machine.
 *
 * <p>The feed has a clock of its own: every request for {@code station_status.json} is answered with the next
 * snapshot (with {@code ttl} 0: always refresh), so the window replays as fast as ingest polls. After the last
 * snapshot, the one at the end of the window that closes its last hour, the feed stays there. Anyone else reading
 * {@code station_status.json} moves the clock too and makes ingest miss a step: read {@code /simulation.json} to watch.
 */
public final class GbfsSimulator implements AutoCloseable {

    /** The Washington D.C. zone the data set's hours are in, and the system's {@code timezone}. */
    public static final String TIMEZONE = "America/New_York";

    /** One station hour as the simulator made it: the trips that really left from and arrived at the station. */
    public record StationHour(String stationId, Instant hourStart, int departures, int arrivals, boolean emptyOrFull) {}

    /** The longest an hour missing from the data set takes the weather of the row before it. */
    static final int MAX_CARRY_HOURS = 24;

    private final SimulationSettings settings;
    private final SimulatedSystem system;
    private final TreeMap<LocalDateTime, SimulatedHour> weather = new TreeMap<>();
    private final Consumer<String> progress;
    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] stationInformation;
    private int served;

    private GbfsSimulator(SimulationSettings settings, List<SimulatedHour> data, Consumer<String> progress) {
        this.settings = settings;
        this.system = SimulatedSystem.generate(settings, data);
        data.forEach(row -> weather.put(row.hour(), row));
        this.progress = progress;
        this.stationInformation = stationInformationJson().getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the GBFS simulator's port on 127.0.0.1", e);
        }
        executor = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().daemon().name("gbfs-simulator-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/gbfs/gbfs.json", exchange -> answer(exchange, gbfsJson()));
        server.createContext("/gbfs/system_information.json", exchange -> answer(exchange, systemInformationJson()));
        server.createContext("/gbfs/station_information.json", exchange -> answer(exchange, stationInformation));
        server.createContext("/gbfs/station_status.json", exchange -> answer(exchange, nextStationStatus()));
        server.createContext("/v1/archive", exchange -> answer(exchange, weather(exchange)));
        server.createContext("/v1/forecast", exchange -> answer(exchange, forecast(exchange)));
        server.createContext("/simulation.json", exchange -> answer(exchange, statusJson()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
    }

    /**
     * Generates the system and serves it.
     *
     * @param data the rows of {@code hour.csv}; those of the window give the demand, all give the weather
     * @param progress where to say how far the replay is (a line per simulated day)
     */
    public static GbfsSimulator start(
            SimulationSettings settings, List<SimulatedHour> data, Consumer<String> progress) {
        GbfsSimulator simulator = new GbfsSimulator(settings, data, progress);
        simulator.server.start();
        SimulatedSystem system = simulator.system;
        progress.accept(String.format(
                Locale.ROOT,
                "GBFS simulation: %,d stations (system '%s'), %s to %s of hour.csv: %,d trips in %,d snapshots, one per"
                        + " poll of %s; feed at %s",
                settings.stations(),
                settings.systemId(),
                settings.from(),
                settings.to(),
                system.trips(),
                system.snapshots().size(),
                settings.pollInterval().toMillis() + "ms",
                simulator.autoDiscoveryUrl()));
        return simulator;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String autoDiscoveryUrl() {
        return baseUrl() + "/gbfs/gbfs.json";
    }

    public SimulationSettings settings() {
        return settings;
    }

    /**
     * What the ingest service needs to poll the system: the system with its feed, the poll interval and tick, the
     * rebalancing threshold the snapshots respect, 127.0.0.1 as an allowed address (ingest refuses internal addresses
     * otherwise), and a weather location of the system's id whose Open-Meteo endpoints are the simulator's, on the
     * system's feed clock (its forecasts issued at the simulated times, looked for every poll interval).
     */
    public Map<String, Object> ingestProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        String interval = settings.pollInterval().toMillis() + "ms";
        properties.put("bikecast.ingest.gbfs.systems[0].id", settings.systemId());
        properties.put("bikecast.ingest.gbfs.systems[0].auto-discovery-url", autoDiscoveryUrl());
        properties.put("bikecast.ingest.gbfs.min-poll-interval", interval);
        properties.put("bikecast.ingest.gbfs.tick", interval);
        properties.put("bikecast.ingest.gbfs.rebalancing-threshold", settings.rebalancingThreshold());
        properties.put("bikecast.ingest.fetch.allowed-addresses", "127.0.0.1/32");
        properties.put("bikecast.ingest.weather.locations[0].id", settings.systemId());
        properties.put("bikecast.ingest.weather.locations[0].latitude", SimulatedSystem.CENTER_LATITUDE);
        properties.put("bikecast.ingest.weather.locations[0].longitude", SimulatedSystem.CENTER_LONGITUDE);
        // The replay's weather forecasts are issued on its own clock, so that a forecast from stored weather has one.
        properties.put("bikecast.ingest.weather.locations[0].clock", "feed");
        properties.put("bikecast.ingest.weather.locations[0].system", settings.systemId());
        properties.put("bikecast.ingest.weather.tick", interval);
        properties.put("bikecast.ingest.weather.archive-url", baseUrl() + "/v1/archive");
        properties.put("bikecast.ingest.weather.forecast-url", baseUrl() + "/v1/forecast");
        return properties;
    }

    /**
     * Asks ingest to backfill the weather of the window from the simulator's archive, so that station hours become
     * observations as they close: the forecast polls on the feed clock store an hour as observed only once a poll
     * after it has run, and the window's first hours would wait for that.
     *
     * @throws IllegalStateException if ingest refuses, with its answer
     */
    public void backfillWeather(String ingestBaseUrl, String apiKey) {
        // The window's local days in UTC days: the first starts four or five hours into it, the last spills over.
        String body = "{\"from\": \"" + settings.from() + "\", \"to\": \"" + settings.to() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(ingestBaseUrl + "/api/v1/weather/" + settings.systemId() + "/backfill"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ingest refused the weather backfill of the simulated system ("
                        + response.statusCode() + "): " + response.body());
            }
            progress.accept("GBFS simulation: weather of " + settings.from() + " to " + settings.to()
                    + " backfilled into ingest's location '" + settings.systemId() + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach ingest at " + ingestBaseUrl + " for the weather backfill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the weather backfill", e);
        }
    }

    /** The snapshots of the whole window, the closing one included. */
    public int snapshots() {
        return system.snapshots().size();
    }

    /** The snapshots served so far. */
    public synchronized int served() {
        return served;
    }

    /** Whether the last snapshot has been served: the window is replayed, the feed stands still. */
    public synchronized boolean replayed() {
        return served >= system.snapshots().size();
    }

    /** The instant the first simulated hour starts. */
    public Instant start() {
        return system.hours().getFirst().start();
    }

    /** The instant the window ends: the last snapshot's time. */
    public Instant end() {
        return system.snapshots().getLast().lastUpdated();
    }

    public List<String> stationIds() {
        return system.stations().stream().map(SimulatedSystem.Station::id).toList();
    }

    /** Every station hour of the window, by station then hour. */
    public List<StationHour> stationHours() {
        List<StationHour> hours = new ArrayList<>();
        for (int s = 0; s < system.stations().size(); s++) {
            for (int h = 0; h < system.hours().size(); h++) {
                hours.add(new StationHour(
                        system.stations().get(s).id(),
                        system.hours().get(h).start(),
                        system.departures(h, s),
                        system.arrivals(h, s),
                        system.emptyOrFull(h, s)));
            }
        }
        return hours;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private byte[] nextStationStatus() {
        SimulatedSystem.Snapshot snapshot;
        String note = null;
        synchronized (this) {
            List<SimulatedSystem.Snapshot> all = system.snapshots();
            int index = Math.min(served, all.size() - 1);
            snapshot = all.get(index);
            if (served < all.size()) {
                served++;
                LocalDate day = localDay(snapshot.lastUpdated());
                if (served == all.size()) {
                    note = String.format(
                            Locale.ROOT,
                            "GBFS simulation: %s to %s replayed (%,d snapshots, %,d trips, %,d turned away at empty"
                                    + " stations); the feed stays at its last snapshot",
                            settings.from(),
                            settings.to(),
                            all.size(),
                            system.trips(),
                            system.turnedAway());
                } else if (index > 0 && !day.equals(localDay(all.get(index - 1).lastUpdated()))) {
                    note = String.format(
                            Locale.ROOT, "GBFS simulation: %s, snapshot %,d of %,d", day, served, all.size());
                }
            }
        }
        if (note != null) {
            progress.accept(note);
        }
        return stationStatusJson(snapshot).getBytes(StandardCharsets.UTF_8);
    }

    private static LocalDate localDay(Instant instant) {
        return instant.atZone(SimulatedSystem.ZONE).toLocalDate();
    }

    private String gbfsJson() {
        StringBuilder feeds = new StringBuilder();
        for (String feed : List.of("system_information", "station_information", "station_status")) {
            feeds.append(feeds.isEmpty() ? "" : ", ")
                    .append("{\"name\": \"")
                    .append(feed)
                    .append("\", \"url\": \"")
                    .append(baseUrl())
                    .append("/gbfs/")
                    .append(feed)
                    .append(".json\"}");
        }
        return envelope(start(), 0, "{\"en\": {\"feeds\": [" + feeds + "]}}");
    }

    private String systemInformationJson() {
        return envelope(
                start(),
                86400,
                "{\"system_id\": \"bikecast-" + settings.systemId() + "\", \"language\": \"en\", \"name\": \"bikecast"
                        + " simulated system (" + settings.stations() + " stations, hour.csv " + settings.from()
                        + " to " + settings.to() + ")\", \"operator\": \"bikecast\", \"timezone\": \"" + TIMEZONE
                        + "\", \"start_date\": \"" + settings.from() + "\"}");
    }

    private String stationInformationJson() {
        StringBuilder list = new StringBuilder();
        for (SimulatedSystem.Station station : system.stations()) {
            list.append(list.isEmpty() ? "" : ",\n")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"station_id\": \"%s\", \"name\": \"%s\", \"lat\": %.6f, \"lon\": %.6f,"
                                    + " \"capacity\": %d}",
                            station.id(),
                            station.name(),
                            station.lat(),
                            station.lon(),
                            station.capacity()));
        }
        return envelope(start(), 86400, "{\"stations\": [" + list + "]}");
    }

    private String stationStatusJson(SimulatedSystem.Snapshot snapshot) {
        long reported = snapshot.lastUpdated().getEpochSecond();
        List<SimulatedSystem.Station> stations = system.stations();
        StringBuilder list = new StringBuilder(stations.size() * 190);
        for (int i = 0; i < stations.size(); i++) {
            int vehicles = snapshot.vehicles()[i];
            list.append(i == 0 ? "" : ",\n")
                    .append("{\"station_id\": \"")
                    .append(stations.get(i).id())
                    .append("\", \"num_bikes_available\": ")
                    .append(vehicles)
                    .append(", \"num_bikes_disabled\": 0, \"num_docks_available\": ")
                    .append(stations.get(i).capacity() - vehicles)
                    .append(", \"num_docks_disabled\": 0, \"is_installed\": true, \"is_renting\": true,"
                            + " \"is_returning\": true, \"last_reported\": ")
                    .append(reported)
                    .append('}');
        }
        return envelope(snapshot.lastUpdated(), 0, "{\"stations\": [" + list + "]}");
    }

    /**
     * The GBFS 2.3 envelope. {@code last_updated} is the simulated time, in 2011-2012: below the minimum (2015-12-15)
     * the 2.3 JSON schema sets, which neither gbfs-java-model nor ingest checks; the data set's hours are the point.
     */
    private static String envelope(Instant lastUpdated, int ttl, String data) {
        return "{\"last_updated\": " + lastUpdated.getEpochSecond() + ", \"ttl\": " + ttl
                + ", \"version\": \"2.3\", \"data\": " + data + "}";
    }

    private String statusJson() {
        SimulatedSystem.Snapshot at;
        int done;
        synchronized (this) {
            done = served;
            at = served == 0 ? null : system.snapshots().get(served - 1);
        }
        return String.format(
                Locale.ROOT,
                "{\"system\": \"%s\", \"stations\": %d, \"from\": \"%s\", \"to\": \"%s\", \"snapshots\": %d,"
                        + " \"served\": %d, \"simulatedTime\": %s, \"trips\": %d, \"turnedAway\": %d}",
                settings.systemId(),
                settings.stations(),
                settings.from(),
                settings.to(),
                system.snapshots().size(),
                done,
                at == null ? "null" : "\"" + at.lastUpdated() + "\"",
                system.trips(),
                system.turnedAway());
    }

    /**
     * The archive API's answer for {@code start_date} to {@code end_date} (UTC days, both included), times in GMT: each
     * UTC hour has the weather of the data set's row for its Washington hour, in real units (the inverse of
     * {@link UciNormalization}, whose formulas are those the data shows), or of the latest row before it where the
     * data set has none (for at most {@link #MAX_CARRY_HOURS} hours). Hours outside the data set are left out.
     */
    private String weather(HttpExchange exchange) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            Instant first = LocalDate.parse(query.getOrDefault("start_date", ""))
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            Instant end = LocalDate.parse(query.getOrDefault("end_date", ""))
                    .plusDays(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            return weatherBetween(first, end);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The forecast API's answer. Asked with {@code start_hour} and {@code end_hour} (local times of GMT, both
     * included), as ingest asks for a location on the feed clock, it gives those hours the weather that the data set
     * says happened, as the archive does: a perfect forecast, which is fine for a simulation and says nothing of how
     * good a real forecast is. Asked with {@code past_hours}/{@code forecast_hours}, which count from today, it answers
     * no hour: the simulated days are in 2012, and an hour of today's weather would be made up.
     */
    private String forecast(HttpExchange exchange) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!query.containsKey("start_hour") && !query.containsKey("end_hour")) {
            StringBuilder none = new StringBuilder();
            return hourly(none, none, none, none, none, none);
        }
        try {
            Instant first =
                    LocalDateTime.parse(query.getOrDefault("start_hour", "")).toInstant(ZoneOffset.UTC);
            Instant last =
                    LocalDateTime.parse(query.getOrDefault("end_hour", "")).toInstant(ZoneOffset.UTC);
            return weatherBetween(first, last.plus(1, ChronoUnit.HOURS));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The hourly answer for the UTC hours from {@code first} (inclusive) to {@code end} (exclusive). */
    private String weatherBetween(Instant first, Instant end) {
        StringBuilder time = new StringBuilder();
        StringBuilder temperature = new StringBuilder();
        StringBuilder apparent = new StringBuilder();
        StringBuilder humidity = new StringBuilder();
        StringBuilder wind = new StringBuilder();
        StringBuilder code = new StringBuilder();
        for (Instant hour = first.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(end);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            LocalDateTime local = LocalDateTime.ofInstant(hour, SimulatedSystem.ZONE);
            Map.Entry<LocalDateTime, SimulatedHour> row = weather.floorEntry(local);
            if (row == null || row.getKey().isBefore(local.minusHours(MAX_CARRY_HOURS))) {
                continue;
            }
            SimulatedHour w = row.getValue();
            String sep = time.isEmpty() ? "" : ",";
            time.append(sep)
                    .append('"')
                    .append(LocalDateTime.ofInstant(hour, ZoneOffset.UTC))
                    .append('"');
            temperature.append(sep).append(UciNormalization.temperatureCelsius(w.temp()));
            apparent.append(sep).append(UciNormalization.feelsLikeCelsius(w.atemp()));
            humidity.append(sep).append(UciNormalization.humidityPercent(w.hum()));
            wind.append(sep).append(UciNormalization.windSpeedKmh(w.windspeed()));
            code.append(sep).append(wmoCode(w.weathersit()));
        }
        return hourly(time, temperature, apparent, humidity, wind, code);
    }

    /** A WMO code that ingest's {@code WeatherSituations} maps back to the same UCI situation. */
    static int wmoCode(int weathersit) {
        return switch (weathersit) {
            case 1 -> 1; // mainly clear
            case 2 -> 3; // overcast
            case 3 -> 61; // slight rain
            default -> 65; // heavy rain
        };
    }

    private static String hourly(
            CharSequence time,
            CharSequence temperature,
            CharSequence apparent,
            CharSequence humidity,
            CharSequence wind,
            CharSequence code) {
        return "{\"latitude\": " + SimulatedSystem.CENTER_LATITUDE + ", \"longitude\": "
                + SimulatedSystem.CENTER_LONGITUDE + ", \"utc_offset_seconds\": 0, \"timezone\": \"GMT\","
                + " \"hourly\": {\"time\": [" + time + "], \"temperature_2m\": [" + temperature
                + "], \"apparent_temperature\": [" + apparent + "], \"relative_humidity_2m\": [" + humidity
                + "], \"wind_speed_10m\": [" + wind + "], \"weather_code\": [" + code + "]}}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        if (json == null) {
            byte[] problem = ("{\"error\": true, \"reason\": \"start_date and end_date must be dates like 2012-09-01,"
                            + " start_hour and end_hour local times like 2012-09-01T10:00\"}")
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, 400, problem);
            return;
        }
        answer(exchange, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, byte[] json) throws IOException {
        send(exchange, 200, json);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
