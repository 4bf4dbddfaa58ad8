package io.bikecast.monitoring.liveerror;

import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live error per model version and window, and per series of one model; {@code ?model=} names a monitored model (any
 * other is a 404 problem).
 */
@RestController
@RequestMapping("/api/v1/live-error")
class LiveErrorController {

    private final LiveErrorService service;
    private final MonitoringProperties models;

    LiveErrorController(LiveErrorService service, MonitoringProperties models) {
        this.service = service;
        this.models = models;
    }

    /**
     * The live error of every window.
     *
     * @param dataClock the latest hour with an actual: where every window ends; null before the first actual
     */
    record LiveErrorResponse(LocalDateTime dataClock, List<LiveError> windows) {}

    @GetMapping
    @Operation(
            summary = "Live RMSE, MAE, R² and bias per model version, traffic kind and window; of every model logged,"
                    + " or of one (?model=)")
    LiveErrorResponse liveError(@RequestParam(required = false) String model) {
        String filter = model == null || model.isBlank() ? null : models.model(model);
        List<LiveError> windows = service.all().stream()
                .filter(window -> filter == null || window.modelName().equals(filter))
                .toList();
        return new LiveErrorResponse(service.dataClock().orElse(null), windows);
    }

    @GetMapping("/series")
    @Operation(
            summary = "A model's live error per series: a family's per station",
            description = "The champion's served predictions of `model` (the default model when left out; a model"
                    + " monitoring does not follow is a 404) joined with the actuals, per series, over one"
                    + " of the configured windows ending at the data clock (`window`, default the first: 24h), or"
                    + " over the hours after `from` up to `to` (local hours). Series without a joined pair are left"
                    + " out; an empty list before the first actual.")
    SeriesLiveError bySeries(
            @RequestParam(name = "model", required = false) String requested,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {
        String model = models.model(requested);
        if (from != null || to != null) {
            if (from == null || to == null || !from.isBefore(to) || window != null) {
                throw invalid("to", "from and to go together, to after from, and without window", to);
            }
            return service.bySeries(model, from, to);
        }
        String label = window == null ? service.windowLabels().getFirst() : window;
        Duration span = service.window(label)
                .orElseThrow(() -> invalid("window", "must be one of " + service.windowLabels(), window));
        Optional<LocalDateTime> clock = service.dataClock();
        if (clock.isEmpty()) {
            return new SeriesLiveError(model, null, null, List.of());
        }
        return service.bySeries(model, clock.get().minus(span), clock.get());
    }

    private static ProblemException invalid(String field, String reason, Object value) {
        return ProblemException.badRequest(
                "The query has invalid parameters.", List.of(new InvalidField(field, reason, value)));
    }
}
