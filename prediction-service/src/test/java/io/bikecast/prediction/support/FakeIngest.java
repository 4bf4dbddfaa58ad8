package io.bikecast.prediction.support;

import com.sun.net.httpserver.HttpExchange;
import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureKind;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.testsupport.LoopbackHttpFake;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two read endpoints of the ingest service that the prediction service rebuilds its recent demand from, on
 * 127.0.0.1: {@code GET /api/v1/ingest/series} and {@code GET /api/v1/ingest/observations/export?series=&from=&to=}
 * in the ingest service's document form (the columns, positional rows oldest first, the count last). A test stores
 * hours of the UCI data set here, under any series. It also keeps weather forecasts by issue time and answers {@code GET
 * /api/v1/weather/{location}/forecast?asOf=&hours=} as the ingest service does: the forecast issued last at or before
 * {@code asOf}, its hours from asOf's hour on, or 404 when none had been issued by then.
 */
public final class FakeIngest extends LoopbackHttpFake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The ingest service's columns: the hour, the features by their UCI names, the count. */
    private static final List<String> COLUMNS = columns();

    private final Map<String, NavigableMap<LocalDateTime, UciDataset.HourRow>> stored = new ConcurrentHashMap<>();
    private final AtomicInteger exports = new AtomicInteger();
    private final Map<String, NavigableMap<Instant, List<Map<String, Object>>>> forecasts = new ConcurrentHashMap<>();

    private FakeIngest() {
        super("/api/v1/", "the fake ingest service");
    }

    /** An ingest service with nothing stored, listening on a free port. */
    public static FakeIngest start() {
        FakeIngest ingest = new FakeIngest();
        ingest.listen();
        return ingest;
    }

    /** Stores the UCI hours from {@code from} (inclusive) to {@code to} (exclusive) as the given series. */
    public void store(String series, LocalDateTime from, LocalDateTime to) {
        NavigableMap<LocalDateTime, UciDataset.HourRow> rows =
                stored.computeIfAbsent(series, s -> new ConcurrentSkipListMap<>());
        for (UciDataset.HourRow row : UciDataset.hours()) {
            LocalDateTime hour = hourOf(row);
            if (!hour.isBefore(from) && hour.isBefore(to)) {
                rows.put(hour, row);
            }
        }
    }

    /**
     * Stores a weather forecast of {@code location} issued at {@code issuedAt}: one entry per hour, each with its
     * {@code hour} (an ISO instant) and the natural form's weather fields.
     */
    public void storeWeatherForecast(String location, Instant issuedAt, List<Map<String, Object>> hours) {
        forecasts.computeIfAbsent(location, l -> new ConcurrentSkipListMap<>()).put(issuedAt, List.copyOf(hours));
    }

    /** The stored count of a series' hour. */
    public double countAt(String series, LocalDateTime hour) {
        return stored.get(series).get(hour).cnt();
    }

    /** Export requests answered so far. */
    public int exports() {
        return exports.get();
    }

    /** The local hour of a UCI row. */
    public static LocalDateTime hourOf(UciDataset.HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/api/v1/ingest/series")) {
                List<Map<String, Object>> ranges = new ArrayList<>();
                stored.forEach((series, rows) -> ranges.add(Map.of(
                        "seriesId", series,
                        "firstHour", rows.firstKey().toString(),
                        "lastHour", rows.lastKey().toString(),
                        "hours", rows.size())));
                send(exchange, 200, ranges);
            } else if (path.equals("/api/v1/ingest/observations/export")) {
                exports.incrementAndGet();
                send(exchange, 200, export(query));
            } else if (path.startsWith("/api/v1/weather/") && path.endsWith("/forecast")) {
                String location = path.substring("/api/v1/weather/".length(), path.length() - "/forecast".length());
                Map<String, Object> forecast = weatherForecast(location, query);
                send(exchange, forecast == null ? 404 : 200, forecast == null ? Map.of("status", 404) : forecast);
            } else {
                send(exchange, 404, Map.of("status", 404, "detail", "no such endpoint: " + path));
            }
        }
    }

    private Map<String, Object> weatherForecast(String location, Map<String, String> query) {
        Instant asOf = Instant.parse(query.get("asOf"));
        Map.Entry<Instant, List<Map<String, Object>>> issued =
                forecasts.getOrDefault(location, new ConcurrentSkipListMap<>()).floorEntry(asOf);
        if (issued == null) {
            return null;
        }
        Instant firstHour = asOf.truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> hours = issued.getValue().stream()
                .filter(hour -> !Instant.parse((String) hour.get("hour")).isBefore(firstHour))
                .limit(Integer.parseInt(query.getOrDefault("hours", "24")))
                .toList();
        return Map.of(
                "location",
                location,
                "asOf",
                asOf.toString(),
                "issuedAt",
                issued.getKey().toString(),
                "hours",
                hours);
    }

    private Map<String, Object> export(Map<String, String> query) {
        String series = query.getOrDefault("series", "system");
        NavigableMap<LocalDateTime, UciDataset.HourRow> rows =
                stored.getOrDefault(series, new ConcurrentSkipListMap<>());
        if (query.get("from") != null) {
            rows = rows.tailMap(LocalDateTime.parse(query.get("from")), true);
        }
        if (query.get("to") != null) {
            rows = rows.headMap(LocalDateTime.parse(query.get("to")), false);
        }
        List<List<Object>> written = new ArrayList<>();
        for (UciDataset.HourRow row : rows.values()) {
            List<Object> values = new ArrayList<>();
            values.add(hourOf(row).toString());
            for (Feature feature : FeatureSchema.features()) {
                double value = row.features().value(feature);
                values.add(feature.kind() == FeatureKind.DISCRETE ? (Object) (int) value : value);
            }
            values.add(row.cnt());
            written.add(values);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("seriesId", series);
        document.put("from", query.get("from"));
        document.put("to", query.get("to"));
        document.put("columns", COLUMNS);
        document.put("rows", written);
        document.put("count", written.size());
        return document;
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("hour");
        columns.addAll(List.of(FeatureSchema.featureNames()));
        columns.add("cnt");
        return List.copyOf(columns);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
