package io.bikecast.console.services;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The monitoring service: drift reports, alerts, live error and its clock. */
@HttpExchange(url = "/api/v1", accept = MediaType.APPLICATION_JSON_VALUE)
public interface MonitoringApi {

    String NAME = "monitoring service";

    /** The latest reports, newest first, each without its features (an empty list). */
    @GetExchange("/drift/reports")
    Page<DriftReport> driftReports(@RequestParam int size);

    @GetExchange("/drift/reports/latest")
    DriftReport latestDriftReport();

    @GetExchange("/drift/reports/{id}")
    DriftReport driftReport(@PathVariable UUID id);

    /** Runs a drift check now; needs the API key. */
    @PostExchange("/drift/checks")
    DriftReport checkDrift(@RequestHeader("X-API-Key") String apiKey);

    @GetExchange("/alerts")
    Page<Alert> alerts(@RequestParam int size);

    /** The alerts in a state ({@code open} or {@code resolved}), newest first. */
    @GetExchange("/alerts")
    Page<Alert> alerts(@RequestParam int size, @RequestParam String state);

    /** Resolves an open alert (with the other open alerts of its kind and key); needs the API key. */
    @PostExchange("/alerts/{id}/resolve")
    Alert resolveAlert(
            @PathVariable UUID id, @RequestHeader("X-API-Key") String apiKey, @RequestBody Resolution resolution);

    /** An operator's resolution: why, for the alert's record and the "resolved" message (may be empty). */
    record Resolution(@Nullable String reason) {}

    @GetExchange("/live-error")
    LiveErrors liveError();

    /** A model's live error per series over monitoring's first window (24 h), ending at the data clock. */
    @GetExchange("/live-error/series")
    SeriesLiveError liveErrorBySeries(@RequestParam String model);

    /**
     * A model's live error per series over the hours after {@code from} up to {@code to}: local hours in ISO form
     * ({@code 2012-09-07T23:00}), as strings so that no locale's date format reaches the query.
     */
    @GetExchange("/live-error/series")
    SeriesLiveError liveErrorBySeries(@RequestParam String model, @RequestParam String from, @RequestParam String to);

    @GetExchange("/clock")
    Clock clock();

    record Page<T>(List<T> items, long totalItems) {}

    record DriftReport(
            UUID id,
            Instant createdAt,
            @Nullable LocalDateTime clockTime,
            String trigger,
            @Nullable Long modelVersion,
            String verdict,
            @Nullable String detail,
            int referenceSize,
            int currentSize,
            @Nullable Double driftShare,
            List<String> driftedFeatures,
            @Nullable Boolean predictionDrift,
            @Nullable Reference weatherReference,
            @Nullable List<FeatureDrift> features) {}

    /** Which reference rows were tested against. */
    record Reference(
            String reference,
            @Nullable String referenceFrom,
            @Nullable String referenceTo,
            int referenceSize,
            @Nullable String note) {

        public String describe() {
            return "seasonal".equals(reference)
                    ? "seasonal: " + referenceFrom + " to " + referenceTo + " of every year, " + referenceSize + " rows"
                    : "the whole reference, " + referenceSize + " rows" + (note == null ? "" : " (" + note + ")");
        }
    }

    record FeatureDrift(
            String feature,
            String role,
            String reference,
            @Nullable String referenceFrom,
            @Nullable String referenceTo,
            int referenceSize,
            String test,
            double statistic,
            double pValue,
            double adjustedPValue,
            double effectSize,
            double effectSizeFloor,
            double referenceMean,
            double currentMean,
            String verdict,
            @Nullable Histogram histogram) {

        public String referenceText() {
            return "seasonal".equals(reference)
                    ? "seasonal " + referenceFrom + " to " + referenceTo + " (" + referenceSize + ")"
                    : reference + " (" + referenceSize + ")";
        }
    }

    record Histogram(List<String> labels, double[] reference, double[] current) {}

    /**
     * An alert.
     *
     * @param state {@code OPEN}, {@code RESOLVED} or {@code INFORMATIONAL}; null from a monitoring service that
     *     predates alert states
     * @param link where monitoring says more (its drift report page), or null
     */
    record Alert(
            UUID id,
            String kind,
            String severity,
            String title,
            @Nullable String summary,
            int occurrences,
            Instant firstRaisedAt,
            Instant lastRaisedAt,
            @Nullable String state,
            @Nullable String link,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedHow,
            @Nullable String resolutionReason) {

        /** What kind of problem it is, in words. */
        public String kindText() {
            return switch (kind) {
                case "DRIFT_DETECTED" -> "Data drift";
                case "LIVE_PERFORMANCE_DEGRADED" -> "Live error degraded";
                case "TRAINING_FAILED" -> "Training failed";
                case "CHAMPION_PROMOTED" -> "New champion";
                default -> kind;
            };
        }

        /** How it was resolved, in words, or empty while it is not. */
        public String resolutionText() {
            if (resolvedHow == null) {
                return "";
            }
            String how = "OPERATOR".equals(resolvedHow) ? "resolved by an operator" : "its condition cleared";
            return how + (resolutionReason == null || resolutionReason.isBlank() ? "" : ": " + resolutionReason);
        }
    }

    record LiveErrors(@Nullable LocalDateTime dataClock, List<LiveError> windows) {}

    record LiveError(
            long modelVersion,
            String servedBy,
            boolean shadow,
            String window,
            long pairs,
            String status,
            @Nullable Double rmse,
            @Nullable Double mae,
            @Nullable Double r2,
            @Nullable Double bias) {}

    /**
     * A model's live error per series.
     *
     * @param from the first hour, exclusive; null before the first actual
     * @param to the last hour, inclusive
     * @param series one per series with at least one prediction joined with its actual
     */
    record SeriesLiveError(
            String modelName,
            @Nullable LocalDateTime from,
            @Nullable LocalDateTime to,
            List<SeriesError> series) {}

    record SeriesError(String seriesId, long pairs, double rmse, double mae, double bias, double meanActual) {}

    /** @param mode {@code data} or {@code wall} */
    record Clock(String mode, @Nullable String now) {}
}
