package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.api.Page;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stored alerts with their state and their delivery state per channel; an operator resolves an open one. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    /** Longer reasons are refused: a reason is a sentence in a chat message, not a report. */
    static final int MAX_REASON = 500;

    private final AlertStore store;
    private final AlertService alerts;
    private final MonitoringProperties models;

    AlertController(AlertStore store, AlertService alerts, MonitoringProperties models) {
        this.store = store;
        this.alerts = alerts;
        this.models = models;
    }

    @GetMapping
    @Operation(
            summary = "Alerts, newest first, with state, occurrences and delivery state per channel;"
                    + " state=open|resolved and model=<a monitored model> filter (an unknown model is a 404)")
    Page<StoredAlert> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String model) {
        Page.validate(page, size);
        AlertState filter = state(state);
        String modelName = model == null || model.isBlank() ? null : models.model(model);
        return new Page<>(store.page(filter, modelName, page, size), page, size, store.count(filter, modelName));
    }

    /**
     * An operator's resolution.
     *
     * @param reason why it is resolved, in words (optional, at most 500 characters)
     */
    record Resolution(String reason) {}

    @PostMapping("/{id}/resolve")
    @Operation(
            summary = "Resolve an open alert (X-API-Key), with the other open alerts of its kind and key; the"
                    + " resolution is sent where the alert went. 404 unknown id, 409 not open")
    StoredAlert resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution resolution) {
        String reason = resolution == null
                        || resolution.reason() == null
                        || resolution.reason().isBlank()
                ? null
                : resolution.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest(
                    "the reason is too long",
                    List.of(new InvalidField(
                            "reason", "must be at most " + MAX_REASON + " characters", reason.length())));
        }
        return alerts.resolveByOperator(id, reason);
    }

    /** {@code open} or {@code resolved} (any case), or null for every alert; anything else is a 400. */
    private static AlertState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> AlertState.OPEN;
            case "resolved" -> AlertState.RESOLVED;
            default ->
                throw ProblemException.badRequest(
                        "invalid state filter", List.of(new InvalidField("state", "must be open or resolved", state)));
        };
    }
}
