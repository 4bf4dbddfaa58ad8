package io.bikecast.monitoring.schedule;

import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.policy.LastRetrainingRequest;
import io.bikecast.monitoring.policy.RetrainingService;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What time it is for this service, and the last retraining request it made for a model (the retraining status):
 * what a backtest driver follows.
 */
@RestController
class ClockController {

    private final MonitoringClock clock;
    private final RetrainingService retraining;
    private final MonitoringProperties models;

    ClockController(MonitoringClock clock, RetrainingService retraining, MonitoringProperties models) {
        this.clock = clock;
        this.retraining = retraining;
        this.models = models;
    }

    /**
     * The clock.
     *
     * @param mode {@code data} or {@code wall}
     * @param now the local hour ({@code America/New_York}) under the data clock, whose drift check and retraining
     *     request (if any) are done; null before the first actual. The current local time under the wall clock.
     * @param modelName the model whose retraining status this is ({@code ?model=}, the default model when left out)
     * @param lastRetrainingRequest the last request monitoring published for that model, or null
     */
    record ClockResponse(String mode, String now, String modelName, Request lastRetrainingRequest) {}

    /**
     * A retraining request.
     *
     * @param eventId the {@code eventId} of the published training-requested event
     * @param at the clock time it was made at (local)
     * @param reasons its reason codes
     * @param reason the reason as a sentence
     */
    record Request(UUID eventId, String at, List<String> reasons, String reason) {}

    @GetMapping("/api/v1/clock")
    @Operation(
            summary = "The monitoring clock (data or wall) and a model's last retraining request (the default model's"
                    + " unless ?model= names a family; an unknown model is a 404)")
    ClockResponse clock(@RequestParam(required = false) String model) {
        String modelName = models.model(model);
        // The hour first, the request second: a request made at an hour is stored before the clock moves there, so
        // whoever sees the hour also sees its request.
        String now = clock.reported().map(LocalDateTime::toString).orElse(null);
        Request last =
                retraining.lastRequest(modelName).map(ClockController::request).orElse(null);
        return new ClockResponse(clock.mode().name().toLowerCase(Locale.ROOT), now, modelName, last);
    }

    private static Request request(LastRetrainingRequest last) {
        return new Request(last.eventId(), last.at().toString(), last.reasons(), last.reason());
    }
}
