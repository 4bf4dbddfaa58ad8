package io.bikecast.training;

import com.sun.net.httpserver.HttpExchange;
import io.bikecast.common.series.SeriesId;
import io.bikecast.testsupport.LoopbackHttpFake;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The ingest service's read API as the training service uses it, on 127.0.0.1, serving UCI rows a test stores here
 * instead of in the ingest service's tables, which training may not read: {@code GET /api/v1/ingest/series[?series=]}
 * ({@code ?prefix=} too) and {@code GET /api/v1/ingest/observations/export?series=&from=&to=} in the ingest service's document form (the
 * columns, positional rows oldest first, the count written last), with 400 problems for bad parameters. The ingest
 * service's own {@code ObservationExportTest} holds the real endpoint to the same contract.
 *
 * <p>It can also go away and come back on the same port, or cut its exports off after some rows, as a service that
 * dies mid-answer does: the failures a run must report instead of training on.
 */
public final class FakeIngest extends LoopbackHttpFake {

    private static final List<String> COLUMNS = List.of(
            "hour",
            "season",
            "yr",
            "mnth",
            "hr",
            "holiday",
            "weekday",
            "workingday",
            "weathersit",
            "temp",
            "atemp",
            "hum",
            "windspeed",
            "cnt");

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final Map<String, NavigableMap<LocalDateTime, UciDataset.HourRow>> series = new ConcurrentHashMap<>();
    private final AtomicInteger exports = new AtomicInteger();
    private volatile int cutExportsAfter = -1;

    private FakeIngest() {
        super("/api/v1/ingest/", "the fake ingest service");
    }

    /** An ingest service with no observations, listening on a free port. */
    public static FakeIngest start() {
        FakeIngest ingest = new FakeIngest();
        ingest.listen();
        return ingest;
    }

    /** Stores the UCI hours of days {@code from} (inclusive) to {@code to} (exclusive) as series {@code system}. */
    public int store(LocalDate from, LocalDate to) {
        return storeHours(from.atStartOfDay(), to.atStartOfDay());
    }

    /** Stores the UCI hours from {@code from} (inclusive) to {@code to} (exclusive) as series {@code system}. */
    public int storeHours(LocalDateTime from, LocalDateTime to) {
        NavigableMap<LocalDateTime, UciDataset.HourRow> stored =
                series.computeIfAbsent(SeriesId.SYSTEM.value(), s -> new ConcurrentSkipListMap<>());
        int count = 0;
        for (UciDataset.HourRow row : UciDataset.hours()) {
            LocalDateTime hour = hourOf(row);
            if (!hour.isBefore(from) && hour.isBefore(to)) {
                stored.put(hour, row);
                count++;
            }
        }
        return count;
    }

    /**
     * Stores the UCI hours of days {@code from} (inclusive) to {@code to} (exclusive) as the series {@code seriesId},
     * each hour's count replaced by what {@code count} makes of the UCI row: a station's share of the system's demand.
     */
    public int storeSeries(String seriesId, LocalDate from, LocalDate to, ToIntFunction<UciDataset.HourRow> count) {
        NavigableMap<LocalDateTime, UciDataset.HourRow> rows =
                series.computeIfAbsent(seriesId, s -> new ConcurrentSkipListMap<>());
        int hours = 0;
        for (UciDataset.HourRow row : UciDataset.hours()) {
            LocalDateTime hour = hourOf(row);
            if (!hour.isBefore(from.atStartOfDay()) && hour.isBefore(to.atStartOfDay())) {
                rows.put(hour, row.withCount(count.applyAsInt(row)));
                hours++;
            }
        }
        return hours;
    }

    /** How many stored hours of series {@code system} pass the filter. */
    public int hours(Predicate<LocalDateTime> filter) {
        return (int) series.getOrDefault(SeriesId.SYSTEM.value(), new ConcurrentSkipListMap<>()).keySet().stream()
                .filter(filter)
                .count();
    }

    /** From now on every export stops after this many rows, without ending its document; -1 serves them whole. */
    public void cutExportsAfter(int rows) {
        cutExportsAfter = rows;
    }

    /** Export requests answered so far. */
    public int exports() {
        return exports.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                problem(exchange, 405, "method", "only GET");
            } else if (path.equals("/api/v1/ingest/series")) {
                series(exchange, query.get("series"), query.get("prefix"));
            } else if (path.equals("/api/v1/ingest/observations/export")) {
                export(exchange, query);
            } else {
                problem(exchange, 404, "path", "no such endpoint: " + path);
            }
        }
    }

    private void series(HttpExchange exchange, String only, String prefix) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            JsonGenerator json = JSON.createGenerator(body);
            json.writeStartArray();
            for (Map.Entry<String, NavigableMap<LocalDateTime, UciDataset.HourRow>> entry :
                    new TreeMap<>(series).entrySet()) {
                NavigableMap<LocalDateTime, UciDataset.HourRow> rows = entry.getValue();
                if (rows.isEmpty()
                        || (only != null && !only.equals(entry.getKey()))
                        || (prefix != null && !entry.getKey().startsWith(prefix))) {
                    continue;
                }
                json.writeStartObject();
                json.writeStringProperty("seriesId", entry.getKey());
                json.writeStringProperty("firstHour", format(rows.firstKey()));
                json.writeStringProperty("lastHour", format(rows.lastKey()));
                json.writeNumberProperty("hours", rows.size());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.close();
        }
    }

    private void export(HttpExchange exchange, Map<String, String> query) throws IOException {
        String seriesId = query.getOrDefault("series", SeriesId.SYSTEM.value());
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = parse(query.get("from"));
        } catch (DateTimeParseException e) {
            problem(exchange, 400, "from", "must be a local date-time without offset, such as 2011-01-01T00:00");
            return;
        }
        try {
            to = parse(query.get("to"));
        } catch (DateTimeParseException e) {
            problem(exchange, 400, "to", "must be a local date-time without offset, such as 2011-01-01T00:00");
            return;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problem(exchange, 400, "to", "must be after from");
            return;
        }
        exports.incrementAndGet();
        NavigableMap<LocalDateTime, UciDataset.HourRow> rows =
                series.getOrDefault(seriesId, new ConcurrentSkipListMap<>());
        if (from != null) {
            rows = rows.tailMap(from, true);
        }
        if (to != null) {
            rows = rows.headMap(to, false);
        }
        int cut = cutExportsAfter;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            JsonGenerator json = JSON.createGenerator(body);
            json.writeStartObject();
            json.writeStringProperty("seriesId", seriesId);
            json.writeStringProperty("from", from == null ? null : format(from));
            json.writeStringProperty("to", to == null ? null : format(to));
            json.writeName("columns");
            json.writeStartArray();
            for (String column : COLUMNS) {
                json.writeString(column);
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("rows");
            int written = 0;
            for (UciDataset.HourRow row : new ArrayList<>(rows.values())) {
                if (written == cut) {
                    // As a service that died mid-answer: what was sent, and no end.
                    json.flush();
                    return;
                }
                write(json, row);
                written++;
            }
            json.writeEndArray();
            json.writeNumberProperty("count", written);
            json.writeEndObject();
            json.close();
        }
    }

    private static void write(JsonGenerator json, UciDataset.HourRow row) {
        json.writeStartArray();
        json.writeString(format(hourOf(row)));
        json.writeNumber(row.season());
        json.writeNumber(row.yr());
        json.writeNumber(row.mnth());
        json.writeNumber(row.hr());
        json.writeNumber(row.holiday());
        json.writeNumber(row.weekday());
        json.writeNumber(row.workingday());
        json.writeNumber(row.weathersit());
        json.writeNumber(row.temp());
        json.writeNumber(row.atemp());
        json.writeNumber(row.hum());
        json.writeNumber(row.windspeed());
        json.writeNumber(row.cnt());
        json.writeEndArray();
    }

    private static void problem(HttpExchange exchange, int status, String field, String reason) throws IOException {
        byte[] body = ("{\"type\": \"about:blank\", \"status\": " + status + ", \"title\": \"Invalid request\","
                        + " \"errors\": [{\"field\": \"" + field + "\", \"reason\": \"" + reason + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static LocalDateTime parse(String value) {
        return value == null || value.isBlank()
                ? null
                : LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static String format(LocalDateTime hour) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(hour);
    }

    private static LocalDateTime hourOf(UciDataset.HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }
}
