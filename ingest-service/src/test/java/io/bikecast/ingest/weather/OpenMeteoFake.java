package io.bikecast.ingest.weather;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Open-Meteo's forecast and archive endpoints on 127.0.0.1, answering as their documentation describes: the requested
 * hourly variables as arrays parallel to {@code time}, ISO local times in the requested timezone (GMT here), {@code
 * past_hours} before the current hour and {@code forecast_hours} from it, or the hours from {@code start_hour} to
 * {@code end_hour}, both included. The weather itself is a function of the hour
 * and of the hour the forecast was issued in ({@link #temperature}), so a test can tell which poll stored an hour.
 * Per latitude it can instead fail with a status or answer with a body the test edits.
 */
final class OpenMeteoFake implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Map<Double, Integer> failures = new ConcurrentHashMap<>();
    private final Map<Double, UnaryOperator<String>> tampering = new ConcurrentHashMap<>();
    private volatile Instant now = Instant.EPOCH;

    OpenMeteoFake() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/forecast", exchange -> answer(exchange, false));
            server.createContext("/v1/archive", exchange -> answer(exchange, true));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service's forecast and archive URLs at this fake. */
    void configure(DynamicPropertyRegistry registry) {
        registry.add("bikecast.ingest.weather.forecast-url", () -> url("/v1/forecast"));
        registry.add("bikecast.ingest.weather.archive-url", () -> url("/v1/archive"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The instant the forecast service takes for now. */
    void now(Instant instant) {
        now = instant;
    }

    /** Answers requests for {@code latitude} with {@code status}, or, with 0, normally again. */
    void fail(double latitude, int status) {
        if (status == 0) {
            failures.remove(latitude);
        } else {
            failures.put(latitude, status);
        }
    }

    /** Rewrites the JSON answered for {@code latitude}; null for the true answer again. */
    void tamper(double latitude, UnaryOperator<String> edit) {
        if (edit == null) {
            tampering.remove(latitude);
        } else {
            tampering.put(latitude, edit);
        }
    }

    /** The query parameters of every request, in order. */
    List<Map<String, String>> requests() {
        return requests;
    }

    /** The temperature the fake gives {@code hour} in a forecast issued in {@code issueHour}. */
    static double temperature(Instant hour, Instant issueHour) {
        long h = hour.getEpochSecond() / 3600;
        long issue = issueHour.getEpochSecond() / 3600;
        return 10 + h % 24 + (issue % 5) / 10.0;
    }

    private void answer(HttpExchange exchange, boolean archive) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(query);
        double latitude = Double.parseDouble(query.get("latitude"));
        Integer status = failures.get(latitude);
        if (status != null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        List<Instant> hours = new ArrayList<>();
        Instant issueHour;
        if (archive) {
            Instant first =
                    LocalDate.parse(query.get("start_date")).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant end = LocalDate.parse(query.get("end_date"))
                    .plusDays(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            for (Instant h = first; h.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) {
                hours.add(h);
            }
            issueHour = Instant.EPOCH;
        } else if (query.containsKey("start_hour")) {
            // Both ends included, local times of the requested timezone (GMT).
            issueHour = now.truncatedTo(ChronoUnit.HOURS);
            Instant last = LocalDateTime.parse(query.get("end_hour")).toInstant(ZoneOffset.UTC);
            for (Instant h = LocalDateTime.parse(query.get("start_hour")).toInstant(ZoneOffset.UTC);
                    !h.isAfter(last);
                    h = h.plus(1, ChronoUnit.HOURS)) {
                hours.add(h);
            }
        } else {
            issueHour = now.truncatedTo(ChronoUnit.HOURS);
            int past = Integer.parseInt(query.get("past_hours"));
            int ahead = Integer.parseInt(query.get("forecast_hours"));
            for (int i = -past; i < ahead; i++) {
                hours.add(issueHour.plus(i, ChronoUnit.HOURS));
            }
        }
        String json = json(hours, issueHour);
        UnaryOperator<String> edit = tampering.get(latitude);
        byte[] body = (edit == null ? json : edit.apply(json)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String json(List<Instant> hours, Instant issueHour) {
        StringBuilder time = new StringBuilder();
        StringBuilder temperature = new StringBuilder();
        StringBuilder apparent = new StringBuilder();
        StringBuilder humidity = new StringBuilder();
        StringBuilder wind = new StringBuilder();
        StringBuilder code = new StringBuilder();
        int[] codes = {0, 3, 61, 95};
        for (Instant hour : hours) {
            String sep = time.isEmpty() ? "" : ",";
            long h = hour.getEpochSecond() / 3600;
            double t = temperature(hour, issueHour);
            time.append(sep)
                    .append('"')
                    .append(LocalDateTime.ofInstant(hour, ZoneOffset.UTC))
                    .append('"');
            temperature.append(sep).append(t);
            apparent.append(sep).append(t - 1.5);
            humidity.append(sep).append(40 + h % 50);
            wind.append(sep).append(5 + h % 10 / 2.0);
            code.append(sep).append(codes[(int) (h % codes.length)]);
        }
        return """
                {"latitude":38.9,"longitude":-77.04,"generationtime_ms":0.1,"utc_offset_seconds":0,"timezone":"GMT",
                 "timezone_abbreviation":"GMT","elevation":20.0,
                 "hourly_units":{"time":"iso8601","temperature_2m":"°C","apparent_temperature":"°C",
                   "relative_humidity_2m":"%%","wind_speed_10m":"km/h","weather_code":"wmo code"},
                 "hourly":{"time":[%s],"temperature_2m":[%s],"apparent_temperature":[%s],
                   "relative_humidity_2m":[%s],"wind_speed_10m":[%s],"weather_code":[%s]}}""".formatted(time, temperature, apparent, humidity, wind, code);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
