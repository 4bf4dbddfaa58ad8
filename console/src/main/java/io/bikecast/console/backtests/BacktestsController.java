package io.bikecast.console.backtests;

import io.bikecast.console.web.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** A backtest's figures: served against actual by day, error by month and horizon, versions served, promotions. */
@Controller
class BacktestsController {

    private final BacktestReports reports;

    BacktestsController(BacktestReports reports) {
        this.reports = reports;
    }

    record Month(
            String month,
            long hours,
            @Nullable Double served,
            @Nullable Double staticRmse) {}

    record Horizon(
            String hours,
            long forecasts,
            @Nullable Double rmse,
            @Nullable Double mae,
            @Nullable Double coverage) {}

    record Change(String dataHour, String from, String to, String why) {}

    record Promotion(String dataHour, String version, String previousVersion, String reason) {}

    record Alert(String severity, String title, String dataTime) {}

    /** One backtest, as the page shows it. */
    record Shown(
            String name,
            String from,
            String to,
            String policy,
            long hours,
            @Nullable Double servedRmse,
            @Nullable Double staticRmse,
            @Nullable Double improvement,
            String bootstrapVersion,
            String dailyChart,
            String monthChart,
            List<Month> months,
            List<Horizon> horizons,
            List<Change> versions,
            List<Promotion> promotions,
            List<Alert> alerts,
            List<String> problems) {}

    @GetMapping("/backtests")
    String backtests(@RequestParam(required = false) @Nullable String name, Model model) {
        Optional<BacktestReports.Found> found = reports.find(name);
        String unreadable = null;
        Shown shown = null;
        if (found.isPresent()) {
            try {
                shown = shown(found.get().name(), reports.read(found.get()));
            } catch (IllegalStateException e) {
                unreadable = e.getMessage();
            }
        }
        model.addAttribute("page", "backtests");
        model.addAttribute("directory", reports.directory().toString());
        model.addAttribute("all", reports.list());
        model.addAttribute("shown", shown);
        model.addAttribute("unreadable", unreadable);
        model.addAttribute("missing", name != null && !name.isBlank() && found.isEmpty());
        return "console/backtests";
    }

    static Shown shown(String name, JsonNode root) {
        List<String> days = new ArrayList<>();
        List<@Nullable Double> actual = new ArrayList<>();
        List<@Nullable Double> served = new ArrayList<>();
        for (JsonNode day : root.path("daily")) {
            days.add(day.path("date").asString(""));
            actual.add(number(day.path("actual")));
            served.add(number(day.path("served")));
        }
        List<Month> months = new ArrayList<>();
        for (Map.Entry<String, JsonNode> month : root.path("rmseByMonth").properties()) {
            months.add(new Month(
                    month.getKey(),
                    month.getValue().path("hours").asLong(),
                    number(month.getValue().path("served")),
                    number(month.getValue().path("static"))));
        }
        List<Horizon> horizons = new ArrayList<>();
        for (Map.Entry<String, JsonNode> horizon : root.path("horizons").properties()) {
            JsonNode h = horizon.getValue();
            horizons.add(new Horizon(
                    horizon.getKey(),
                    h.path("forecasts").asLong(),
                    number(h.path("rmse")),
                    number(h.path("mae")),
                    number(h.path("coverage80"))));
        }
        List<Change> versions = new ArrayList<>();
        for (JsonNode change : root.path("servedVersions")) {
            versions.add(new Change(
                    text(change, "dataHour"), text(change, "from"), text(change, "to"), text(change, "why")));
        }
        List<Promotion> promotions = new ArrayList<>();
        for (JsonNode promotion : root.path("promotions")) {
            promotions.add(new Promotion(
                    text(promotion, "dataHour"),
                    text(promotion, "version"),
                    text(promotion, "previousVersion"),
                    text(promotion, "reason")));
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : root.path("alerts")) {
            alerts.add(new Alert(text(alert, "severity"), text(alert, "title"), text(alert, "dataTime")));
        }
        List<String> problems = new ArrayList<>();
        root.path("problems").forEach(problem -> problems.add(problem.asString("")));
        return new Shown(
                name,
                text(root, "from"),
                text(root, "to"),
                text(root, "policy"),
                root.path("hours").asLong(),
                number(root.path("servedRmse")),
                number(root.path("staticRmse")),
                number(root.path("improvementOverStatic")),
                text(root, "bootstrapVersion"),
                days.isEmpty()
                        ? ""
                        : Svg.lineChart(
                                "Rentals per day: actual and served",
                                days,
                                List.of(
                                        new Svg.Line("actual", "actual", actual, false),
                                        new Svg.Line("served", "served", served, true)),
                                null),
                months.isEmpty()
                        ? ""
                        : Svg.barChart(
                                "RMSE by month: served and the static bootstrap model",
                                months.stream().map(Month::month).toList(),
                                List.of(
                                        new Svg.Bars(
                                                "served",
                                                "served",
                                                months.stream()
                                                        .map(Month::served)
                                                        .toList()),
                                        new Svg.Bars(
                                                "static",
                                                "static",
                                                months.stream()
                                                        .map(Month::staticRmse)
                                                        .toList()))),
                months,
                horizons,
                versions,
                promotions,
                alerts,
                problems);
    }

    private static @Nullable Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "—" : value.asString();
    }
}
