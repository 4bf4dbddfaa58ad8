package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.api.Page;
import io.swagger.v3.oas.annotations.Operation;
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

/** Drift checks on demand, and the stored reports as JSON and as an HTML page. */
@RestController
@RequestMapping("/api/v1/drift")
class DriftController {

    private final DriftCheckService checks;
    private final DriftReportStore reports;

    DriftController(DriftCheckService checks, DriftReportStore reports) {
        this.checks = checks;
        this.reports = reports;
    }

    @PostMapping("/checks")
    @Operation(summary = "Run a drift check now (X-API-Key required); answers with the stored report")
    ResponseEntity<DriftReport> check() {
        DriftReport report = checks.check(DriftReport.Trigger.API);
        return ResponseEntity.created(URI.create("/api/v1/drift/reports/" + report.id()))
                .body(report);
    }

    @GetMapping("/reports")
    @Operation(summary = "Drift reports, newest first, without their per-feature results")
    Page<DriftReportSummary> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.validate(page, size);
        return new Page<>(reports.page(page, size), page, size, reports.count());
    }

    @GetMapping("/reports/latest")
    @Operation(summary = "The latest drift report")
    DriftReport latest() {
        return reports.latest();
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
