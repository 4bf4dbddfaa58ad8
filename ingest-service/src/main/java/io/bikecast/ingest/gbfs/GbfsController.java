package io.bikecast.ingest.gbfs;

import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of the GBFS tables: a system's stations, their hours and its polls, each a bounded page. */
@RestController
@RequestMapping("/api/v1/gbfs/systems/{system}")
class GbfsController {

    /** One page of items; {@code hasNext} says whether the next page has any. */
    record Page<T>(String system, int page, int size, boolean hasNext, List<T> items) {}

    private final GbfsStore store;
    private final GbfsProperties properties;

    GbfsController(GbfsStore store, GbfsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Operation(summary = "The stations of a GBFS system, by station_id, with the series id each was given")
    @GetMapping("/stations")
    Page<GbfsStore.Station> stations(
            @PathVariable String system,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        known(system);
        Requests.page(page, size);
        return page(system, page, size, store.stations(system, size + 1, (long) page * size));
    }

    @Operation(
            summary = "Hourly departures, arrivals and censoring flags of a system's stations",
            description = "Hours whose start is in [from, to) (ISO date-times with offset), of one station if "
                    + "`station` is given, ordered by station then hour.")
    @GetMapping("/station-hours")
    Page<GbfsStore.StationHour> stationHours(
            @PathVariable String system,
            @RequestParam(required = false) @Nullable String station,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        known(system);
        Requests.page(page, size);
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest(
                    "The range is empty.", List.of(new InvalidField("to", "must be after from", to.toString())));
        }
        return page(
                system,
                page,
                size,
                store.hours(system, station, from.toInstant(), to.toInstant(), size + 1, (long) page * size));
    }

    @Operation(summary = "The polls of a system, latest first, with the reason of each failure")
    @GetMapping("/polls")
    Page<GbfsStore.Poll> polls(
            @PathVariable String system,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        known(system);
        Requests.page(page, size);
        return page(system, page, size, store.polls(system, size + 1, (long) page * size));
    }

    private void known(String system) {
        if (properties.system(system).isEmpty()) {
            throw ProblemException.notFound("No GBFS system '" + system + "' is configured.");
        }
    }

    private static <T> Page<T> page(String system, int page, int size, List<T> rows) {
        return new Page<>(
                system,
                page,
                size,
                rows.size() > size,
                rows.stream().limit(size).toList());
    }
}
