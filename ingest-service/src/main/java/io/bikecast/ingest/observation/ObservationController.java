package io.bikecast.ingest.observation;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads stored observations: by series and time range (paged), one hour, the series with their ranges, and a whole
 * range streamed for bulk readers ({@link ObservationExport}). The other services read observations only here, never
 * from the {@code ingest} schema.
 */
@RestController
@RequestMapping("/api/v1/ingest")
class ObservationController {

    /**
     * One page of observations.
     *
     * @param from the first hour asked for (inclusive)
     * @param to the end of the range (exclusive)
     * @param hasNext whether a next page has rows
     */
    record ObservationPage(
            String seriesId,
            LocalDateTime from,
            LocalDateTime to,
            int page,
            int size,
            boolean hasNext,
            List<ObservationView> items) {}

    private final ObservationStore store;
    private final ObservationExport export;

    ObservationController(ObservationStore store, ObservationExport export) {
        this.store = store;
        this.export = export;
    }

    @Operation(summary = "Observations of a series from 'from' (inclusive) to 'to' (exclusive), in hour order")
    @GetMapping("/observations")
    ObservationPage range(
            @RequestParam(defaultValue = "system") String series,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        SeriesId seriesId = Requests.series(series, "series");
        Requests.page(page, size);
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest(
                    "The range is empty.", List.of(new InvalidField("to", "must be after from", to)));
        }
        var rows = store.range(seriesId, from, to, (long) page * size, size + 1);
        boolean hasNext = rows.size() > size;
        List<ObservationView> items =
                rows.stream().limit(size).map(ObservationView::of).toList();
        return new ObservationPage(seriesId.value(), from, to, page, size, hasNext, items);
    }

    @Operation(summary = "The observation of one series and local hour")
    @GetMapping("/observations/{series}/{hour}")
    ObservationView hour(
            @PathVariable String series,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime hour) {
        SeriesId seriesId = Requests.series(series, "series");
        return store.range(seriesId, hour, hour.plusSeconds(1), 0, 1).stream()
                .findFirst()
                .map(ObservationView::of)
                .orElseThrow(() -> ProblemException.notFound("No observation of series " + series + " at " + hour));
    }

    @Operation(
            summary = "Every series with stored observations, with its first and last hour and its count",
            description = "With `series`, only that series (an empty list when it has no hours): a client that needs"
                    + " one series' range, such as the training service, asks for it alone instead of making the"
                    + " service group every series' rows. With `prefix`, the series whose ids start with it: the"
                    + " stations of one GBFS system, which a model family learns from.")
    @GetMapping("/series")
    List<ObservationStore.SeriesRange> series(
            @RequestParam(required = false) String series,
            @Parameter(
                            description =
                                    "only the series whose id starts with this, e.g. `citibike-` for every station of"
                                            + " the GBFS system citibike")
                    @RequestParam(required = false)
                    String prefix) {
        if (series != null && prefix != null) {
            throw ProblemException.badRequest(
                    "Ask for one series or for a prefix, not both.",
                    List.of(new InvalidField("prefix", "must be absent when series is given", prefix)));
        }
        if (prefix != null) {
            return store.seriesStartingWith(Requests.seriesPrefix(prefix, "prefix"));
        }
        if (series == null) {
            return store.series();
        }
        return store.series(Requests.series(series, "series")).stream().toList();
    }

    @Operation(
            summary = "Every observation of a series in a range, oldest first, streamed in a compact form",
            description = """
                    For bulk readers such as the training service. `from` is inclusive, `to` exclusive, both \
                    optional (local hours, e.g. `2011-01-01T00:00`). The answer is one JSON document: `seriesId`, \
                    `from`, `to`, `columns` (always `hour, season, yr, mnth, hr, holiday, weekday, workingday, \
                    weathersit, temp, atemp, hum, windspeed, cnt`), `rows` (one positional array per hour, in that \
                    column order) and `count`. It is written as it is read from the database, in keyset pages, so \
                    it may be long; a document that does not end with its `count` was cut off and must be \
                    discarded. A series with no hours in the range gives no rows.""")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                                            {"seriesId": "system", "from": "2011-01-01T00:00:00", "to": null,
                                             "columns": ["hour", "season", "yr", "mnth", "hr", "holiday", "weekday",
                                                         "workingday", "weathersit", "temp", "atemp", "hum",
                                                         "windspeed", "cnt"],
                                             "rows": [["2011-01-01T00:00:00", 1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879,
                                                       0.81, 0.0, 16]],
                                             "count": 1}""")))
    @GetMapping(value = "/observations/export", produces = MediaType.APPLICATION_JSON_VALUE)
    void export(
            @RequestParam(defaultValue = "system") String series,
            @Parameter(description = "first local hour, inclusive; absent = the first stored hour")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "end, exclusive; absent = no end") @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        SeriesId seriesId = Requests.series(series, "series");
        LocalDateTime start = Requests.localDateTime(from, "from");
        LocalDateTime end = Requests.localDateTime(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.badRequest(
                    "The range is empty.", List.of(new InvalidField("to", "must be after from", to)));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Written straight to the response, on this request's thread: no async timeout can cut a long export short.
        export.write(seriesId, start, end, response.getOutputStream());
    }
}
