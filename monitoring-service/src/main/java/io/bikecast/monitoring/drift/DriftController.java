package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.api.Page;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drift checks on demand, and the stored reports as JSON and as an HTML page; {@code ?model=} names a monitored model
 * (the default one when left out), any other name is a 404 problem.
 */
@RestController
@RequestMapping("/api/v1/drift")
class DriftController {

    private static final String MODEL = "a monitored model: the default one (bikecast.monitoring.model-name) when left"
            + " out, or a model family (bikecast.monitoring.families[n].model-name); any other is a 404";

    private final DriftCheckService checks;
    private final DriftReportStore reports;
    private final MonitoringProperties models;

    DriftController(DriftCheckService checks, DriftReportStore reports, MonitoringProperties models) {
        this.checks = checks;
        this.reports = reports;
        this.models = models;
    }

    @PostMapping("/checks")
    @Operation(summary = "Run a drift check of a model now (X-API-Key required); answers with the stored report")
    ResponseEntity<DriftReport> check(@Parameter(description = MODEL) @RequestParam(required = false) String model) {
        DriftReport report = checks.check(models.model(model), DriftReport.Trigger.API);
        return ResponseEntity.created(URI.create("/api/v1/drift/reports/" + report.id()))
                .body(report);
    }

    @GetMapping("/reports")
    @Operation(summary = "Drift reports, newest first, without their per-feature results; of every model, or of one")
    Page<DriftReportSummary> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "only this model's reports (every model's when left out); an unknown one is a 404")
                    @RequestParam(required = false)
                    String model) {
        Page.validate(page, size);
        String filter = model == null || model.isBlank() ? null : models.model(model);
        return new Page<>(reports.page(filter, page, size), page, size, reports.count(filter));
    }

    @GetMapping("/reports/latest")
    @Operation(summary = "The latest drift report of a model")
    DriftReport latest(@Parameter(description = MODEL) @RequestParam(required = false) String model) {
        return reports.latest(models.model(model));
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "One drift report with every feature's test")
    DriftReport report(@PathVariable UUID id) {
        return reports.get(id);
    }

    @GetMapping(value = "/reports/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One drift report as a page, with reference-versus-current histograms per feature")
    String html(@PathVariable UUID id) {
        return DriftReportPage.render(reports.get(id));
    }
}
