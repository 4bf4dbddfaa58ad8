package io.bikecast.prediction.history;

import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this instance knows of a series' recent demand: the latest actual its forecasts may read by default. An
 * operator (or the backtest) reads it to tell whether an actual has reached serving yet, since the store is fed
 * asynchronously from {@code actual-observed}.
 */
@RestController
@Tag(name = "history", description = "The recent actuals this instance forecasts from")
class RecentDemandController {

    private final RecentDemand demand;

    RecentDemandController(RecentDemand demand) {
        this.demand = demand;
    }

    @GetMapping("/api/v1/history/{seriesId}")
    @Operation(summary = "The latest actual of a series this instance has, and whether its rebuild has finished")
    SeriesHistory history(@PathVariable String seriesId) {
        SeriesId series;
        try {
            series = SeriesId.of(seriesId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "The path has an invalid series.",
                    List.of(new InvalidField("seriesId", "must match " + SeriesId.REGEX, seriesId)));
        }
        return new SeriesHistory(
                series.value(), demand.rebuilt(), demand.latestHour(series).orElse(null), demand.maxHours());
    }

    /**
     * @param seriesId the series
     * @param rebuilt whether the start-up rebuild from the ingest service has finished; until it has, forecasts use no
     *     history
     * @param latestHour the latest local hour with an actual; null when none is kept
     * @param maxHours how many hours back from it are kept ({@code bikecast.prediction.history.max-hours})
     */
    record SeriesHistory(
            String seriesId, boolean rebuilt, @Nullable LocalDateTime latestHour, int maxHours) {}
}
