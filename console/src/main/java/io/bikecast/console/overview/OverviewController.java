package io.bikecast.console.overview;

import io.bikecast.console.services.IngestApi;
import io.bikecast.console.services.IngestApi.SeriesRange;
import io.bikecast.console.services.MonitoringApi;
import io.bikecast.console.services.MonitoringApi.Alert;
import io.bikecast.console.services.MonitoringApi.DriftReport;
import io.bikecast.console.services.MonitoringApi.LiveError;
import io.bikecast.console.services.MonitoringApi.LiveErrors;
import io.bikecast.console.services.PredictionApi;
import io.bikecast.console.services.Reply;
import io.bikecast.console.services.TrainingApi;
import io.bikecast.console.services.TrainingApi.ModelVersion;
import io.bikecast.console.web.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The first page: what is wrong first (the open alerts, each with a resolve form, and what the console sees itself),
 * then per series how fresh its data is, what serves it and how well, drift and the recent alerts. Resolving needs the
 * API key, typed into the form and forwarded once, as the models' moves do.
 */
@Controller
class OverviewController {

    /** The suite's local time, in which hours are written. */
    private static final ZoneId LOCAL = ZoneId.of("America/New_York");

    /** Older than this on the wall clock, a series' last actual is stale. */
    private static final Duration STALE = Duration.ofHours(3);

    private final IngestApi ingest;
    private final TrainingApi training;
    private final PredictionApi prediction;
    private final MonitoringApi monitoring;
    private final Formats formats;
    private final Clock clock = Clock.systemUTC();

    OverviewController(
            IngestApi ingest,
            TrainingApi training,
            PredictionApi prediction,
            MonitoringApi monitoring,
            Formats formats) {
        this.formats = formats;
        this.ingest = ingest;
        this.training = training;
        this.prediction = prediction;
        this.monitoring = monitoring;
    }

    /**
     * One series' row.
     *
     * @param lastActual the latest hour ingest has an actual for
     * @param servingLatest the latest actual the prediction service forecasts from, null if unknown
     */
    record SeriesRow(
            String seriesId,
            LocalDateTime lastActual,
            long hours,
            @Nullable LocalDateTime servingLatest,
            String note) {}

    /** A version with its live error windows (those it served, not shadow). */
    record Served(ModelVersion version, List<LiveError> live) {}

    /**
     * An open alert as the overview lists it: what is wrong, with a link to where the console shows more.
     *
     * @param href the console page about it (the drift report the check wrote, the models), or monitoring's own link
     * @param hrefText what the link leads to
     */
    record OpenAlert(Alert alert, @Nullable String href, String hrefText) {

        static OpenAlert of(Alert alert) {
            Matcher report = alert.link() == null ? null : DRIFT_REPORT.matcher(alert.link());
            if (report != null && report.find()) {
                return new OpenAlert(alert, "/drift?id=" + report.group(1), "the drift report");
            }
            if ("TRAINING_FAILED".equals(alert.kind())) {
                return new OpenAlert(alert, "/models", "the models");
            }
            return new OpenAlert(alert, alert.link(), "details");
        }
    }

    /** The report a drift or live-error alert links to, on the monitoring service. */
    private static final Pattern DRIFT_REPORT = Pattern.compile("/api/v1/drift/reports/([0-9a-fA-F-]{36})");

    /**
     * What became of a resolution.
     *
     * @param done true if the monitoring service resolved it
     * @param refused true if it refused the key (401 or 403)
     */
    record Resolved(boolean done, boolean refused, String message) {}

    @GetMapping("/")
    String overview(Model model) {
        Reply<List<SeriesRange>> series = Reply.of(IngestApi.NAME, ingest::series);
        Reply<ModelVersion> champion = Reply.of(TrainingApi.NAME, training::champion);
        Reply<ModelVersion> challenger = Reply.of(TrainingApi.NAME, training::challenger);
        Reply<LiveErrors> live = Reply.of(MonitoringApi.NAME, monitoring::liveError);
        Reply<DriftReport> drift = Reply.of(MonitoringApi.NAME, monitoring::latestDriftReport);
        Reply<MonitoringApi.Page<Alert>> alerts = Reply.of(MonitoringApi.NAME, () -> monitoring.alerts(5));
        Reply<MonitoringApi.Page<Alert>> open = Reply.of(MonitoringApi.NAME, () -> monitoring.alerts(50, "open"));
        Reply<MonitoringApi.Clock> monitoringClock = Reply.of(MonitoringApi.NAME, monitoring::clock);
        boolean wallClock =
                monitoringClock.optional().map(c -> "wall".equals(c.mode())).orElse(true);

        List<String> problems = new ArrayList<>();
        List<SeriesRow> rows = new ArrayList<>();
        for (SeriesRange range : series.optional().orElse(List.of())) {
            LocalDateTime serving = Reply.of(PredictionApi.NAME, () -> prediction.history(range.seriesId()))
                    .optional()
                    .map(PredictionApi.SeriesHistory::latestHour)
                    .orElse(null);
            String note = "";
            if (serving == null || serving.isBefore(range.lastHour())) {
                note = "serving has not seen the latest actual";
                problems.add("Series " + range.seriesId() + ": the prediction service forecasts from "
                        + (serving == null ? "no actual" : formats.hour(serving)) + ", but ingest has actuals up to "
                        + formats.hour(range.lastHour()) + ".");
            }
            LocalDateTime now = LocalDateTime.now(clock.withZone(LOCAL));
            if (wallClock && Duration.between(range.lastHour(), now).compareTo(STALE) > 0) {
                long days = Duration.between(range.lastHour(), now).toDays();
                note = note.isEmpty() ? "stale" : note + "; stale";
                problems.add("Series " + range.seriesId() + ": no new actual since " + formats.hour(range.lastHour())
                        + " ("
                        + (days > 0
                                ? days + " days"
                                : Duration.between(range.lastHour(), now).toHours() + " hours")
                        + " ago).");
            }
            rows.add(new SeriesRow(range.seriesId(), range.lastHour(), range.hours(), serving, note));
        }
        if (series.ok() && rows.isEmpty()) {
            problems.add("No data has been ingested yet.");
        }
        for (Reply<?> reply : List.of(series, champion, live, alerts)) {
            if (reply.down() && !problems.contains(reply.message())) {
                problems.add(reply.message());
            }
        }
        if (champion.outcome() == Reply.Outcome.ABSENT) {
            problems.add("There is no champion: nothing is served until a model is promoted.");
        }
        drift.optional().ifPresent(report -> {
            switch (report.verdict()) {
                case "DRIFT" ->
                    problems.add(
                            "The last drift check found drift in " + String.join(", ", report.driftedFeatures()) + ".");
                case "ERROR" -> problems.add("The last drift check failed: " + report.detail());
                default -> {}
            }
        });
        // Open alerts come first of all: each is something monitoring says is wrong until it is resolved.
        List<OpenAlert> openAlerts = open.optional().map(MonitoringApi.Page::items).orElse(List.of()).stream()
                // A monitoring service that predates alert states ignores the filter: list only what says it is open.
                .filter(alert -> "OPEN".equals(alert.state()))
                .sorted(Comparator.comparing((Alert alert) -> !"CRITICAL".equals(alert.severity())))
                .map(OpenAlert::of)
                .toList();
        if (!open.ok() && !open.down() && alerts.ok()) {
            problems.add("The open alerts cannot be listed: " + open.message());
        }

        model.addAttribute("page", "overview");
        model.addAttribute("problems", problems);
        model.addAttribute("openAlerts", openAlerts);
        model.addAttribute(
                "openTotal", open.optional().map(MonitoringApi.Page::totalItems).orElse(0L));
        model.addAttribute("series", series);
        model.addAttribute("rows", rows);
        model.addAttribute("champion", champion);
        model.addAttribute("challenger", challenger);
        model.addAttribute("servedChampion", champion.map(v -> served(v, live)));
        model.addAttribute("servedChallenger", challenger.map(v -> served(v, live)));
        model.addAttribute("live", live);
        model.addAttribute("drift", drift);
        model.addAttribute("alerts", alerts);
        model.addAttribute("clock", monitoringClock);
        return "console/overview";
    }

    /** Resolves an open alert with the operator's key and reason, and shows what came of it on the overview. */
    @PostMapping("/alerts/resolve")
    String resolve(
            @RequestParam UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String apiKey,
            RedirectAttributes redirect) {
        Reply<Alert> reply = Reply.of(
                MonitoringApi.NAME,
                () -> monitoring.resolveAlert(
                        id, apiKey.strip(), new MonitoringApi.Resolution(reason.isBlank() ? null : reason.strip())));
        boolean refused = reply.outcome() == Reply.Outcome.REFUSED;
        redirect.addFlashAttribute(
                "resolved",
                reply.ok()
                        ? new Resolved(
                                true,
                                false,
                                "Resolved: " + Formats.asSentence(reply.value().title()))
                        : new Resolved(
                                false,
                                refused,
                                (refused ? "Refused: the API key is missing or wrong. " : "Not resolved. ")
                                        + reply.message()));
        return "redirect:/";
    }

    private static Served served(ModelVersion version, Reply<LiveErrors> live) {
        return new Served(
                version,
                live.optional().map(LiveErrors::windows).orElse(List.of()).stream()
                        .filter(window -> window.modelVersion() == version.version() && !window.shadow())
                        .toList());
    }
}
