package io.bikecast.console.services;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The ingest service's read endpoints: which series have data up to when, and a series' recent rows. */
@HttpExchange(url = "/api/v1/ingest", accept = MediaType.APPLICATION_JSON_VALUE)
public interface IngestApi {

    String NAME = "ingest service";

    @GetExchange("/series")
    List<SeriesRange> series();

    /** The series whose id starts with {@code prefix}: the stations of a GBFS system with {@code <system>-}. */
    @GetExchange("/series")
    List<SeriesRange> series(@RequestParam String prefix);

    /** A series' rows from {@code from} (inclusive, a local hour) on, oldest first. */
    @GetExchange("/observations/export")
    Export export(@RequestParam String series, @RequestParam String from);

    /** @param lastHour the latest hour with an actual: how fresh the data is */
    record SeriesRange(String seriesId, LocalDateTime firstHour, LocalDateTime lastHour, long hours) {}

    /** Column names once, then one positional row per hour. */
    record Export(
            String seriesId,
            @Nullable List<String> columns,
            @Nullable List<List<Object>> rows) {}
}
