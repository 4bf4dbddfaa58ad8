package io.bikecast.console.drift;

import io.bikecast.console.services.MonitoringApi;
import io.bikecast.console.services.MonitoringApi.DriftReport;
import io.bikecast.console.services.MonitoringApi.FeatureDrift;
import io.bikecast.console.services.MonitoringApi.Histogram;
import io.bikecast.console.services.Reply;
import io.bikecast.console.web.Svg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Drift reports: the list, and one report with each feature's test and its reference-versus-current histogram. */
@Controller
class DriftPageController {

    private final MonitoringApi monitoring;

    DriftPageController(MonitoringApi monitoring) {
        this.monitoring = monitoring;
    }

    /** A feature's test with its histogram drawn, empty when the report has none. */
    record Tested(FeatureDrift test, String histogram) {}

    @GetMapping("/drift")
    String drift(@RequestParam(required = false) @Nullable UUID id, Model model) {
        Reply<DriftReport> report = Reply.of(
                MonitoringApi.NAME, () -> id == null ? monitoring.latestDriftReport() : monitoring.driftReport(id));
        model.addAttribute("page", "drift");
        model.addAttribute("reports", Reply.of(MonitoringApi.NAME, () -> monitoring.driftReports(20)));
        model.addAttribute("report", report);
        model.addAttribute("tested", report.map(DriftPageController::tested));
        return "console/drift";
    }

    /** Runs a check now with the operator's key, then shows its report (or why it was not run). */
    @PostMapping("/drift/check")
    String check(@RequestParam(defaultValue = "") String apiKey, RedirectAttributes redirect) {
        Reply<DriftReport> report = Reply.of(MonitoringApi.NAME, () -> monitoring.checkDrift(apiKey.strip()));
        if (report.ok()) {
            return "redirect:/drift?id=" + report.value().id();
        }
        redirect.addFlashAttribute(
                "refusal",
                (report.outcome() == Reply.Outcome.REFUSED ? "Refused: the API key is missing or wrong. " : "")
                        + report.message());
        return "redirect:/drift";
    }

    private static List<Tested> tested(DriftReport report) {
        List<Tested> tested = new ArrayList<>();
        for (FeatureDrift feature : report.features() == null ? List.<FeatureDrift>of() : report.features()) {
            Histogram histogram = feature.histogram();
            String svg = histogram == null || histogram.labels().isEmpty()
                    ? ""
                    : Svg.barChart(
                            feature.feature() + ": reference and current shares",
                            histogram.labels(),
                            List.of(
                                    new Svg.Bars("reference", "reference", boxed(histogram.reference())),
                                    new Svg.Bars("current", "current", boxed(histogram.current()))));
            tested.add(new Tested(feature, svg));
        }
        return tested;
    }

    private static List<@Nullable Double> boxed(double @Nullable [] values) {
        return values == null
                ? List.of()
                : Arrays.stream(values).boxed().map(v -> (Double) v).toList();
    }
}
