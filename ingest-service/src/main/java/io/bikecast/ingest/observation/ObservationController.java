package io.bikecast.ingest.observation;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.web.Requests;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads stored observations: by series and time range (paged), one hour, and the series with their ranges. */
@RestController
@RequestMapping("/api/v1/ingest")
public class ObservationController {

    /**
     * One page of observations.
     *
     * @param from the first hour asked for (inclusive)
     * @param to the end of the range (exclusive)
     * @param hasNext whether a next page has rows
     */
    public record ObservationPage(
            String seriesId,
            LocalDateTime from,
            LocalDateTime to,
            int page,
            int size,
            boolean hasNext,
            List<ObservationView> items) {}

    private final ObservationStore store;

    public ObservationController(ObservationStore store) {
        this.store = store;
    }

    @Operation(summary = "Observations of a series from 'from' (inclusive) to 'to' (exclusive), in hour order")
    @GetMapping("/observations")
    public ObservationPage range(
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
    public ObservationView hour(
            @PathVariable String series,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime hour) {
        SeriesId seriesId = Requests.series(series, "series");
        return store.range(seriesId, hour, hour.plusSeconds(1), 0, 1).stream()
                .findFirst()
                .map(ObservationView::of)
                .orElseThrow(() -> ProblemException.notFound("No observation of series " + series + " at " + hour));
    }

    @Operation(summary = "Every series with stored observations, with its first and last hour and its count")
    @GetMapping("/series")
    public List<ObservationStore.SeriesRange> series() {
        return store.series();
    }
}
