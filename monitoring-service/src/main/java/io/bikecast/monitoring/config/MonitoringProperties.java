package io.bikecast.monitoring.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting and threshold of the monitoring service, in one place ({@code bikecast.monitoring.*}). Each component's
 * Javadoc says what it does and its default; docs/monitoring-service.md has the same as a table.
 *
 * @param modelName the registry name of the model whose champion is monitored for drift and retrained (default
 *     {@code bike-demand})
 * @param registry where the champion, its holdout metrics and its reference sample come from: the training service's
 *     registry API, the only way to them (its tables belong to the training service)
 * @param drift how drift is tested
 * @param liveError how live error is computed
 * @param policy when monitoring asks for retraining
 * @param alerts where and how alerts are sent
 */
@Validated
@ConfigurationProperties("bikecast.monitoring")
public record MonitoringProperties(
        @DefaultValue("bike-demand") @NotBlank String modelName,
        @DefaultValue @Valid Registry registry,
        @DefaultValue @Valid Drift drift,
        @DefaultValue @Valid LiveError liveError,
        @DefaultValue @Valid Policy policy,
        @DefaultValue @Valid Alerts alerts) {

    /**
     * The training service's registry API ({@code GET /api/v1/models/champion}, {@code /{version}}, {@code
     * /{version}/reference}), asked at every drift check for the champion and, when it moved, for its reference
     * sample. While it cannot be reached a check's verdict is {@code ERROR}, saying so, and the next check asks again.
     *
     * @param baseUrl the training service's base URL (default {@code http://localhost:8082}; {@code
     *     BIKECAST_TRAINING_URL})
     * @param connectTimeout how long to wait for a connection to the training service (default 2 s)
     * @param readTimeout how long to wait for a whole answer (default 30 s: a reference sample of a year of hours is a
     *     few megabytes of JSON); a check, and under the data clock the consumer of actuals, waits at most this long
     *     per request
     */
    public record Registry(
            @DefaultValue("http://localhost:8082") @NotNull URI baseUrl,
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout) {}

    /** How the current window of predictions is chosen. */
    public enum WindowMode {
        /** The last {@code window-size} predictions, by the time they were made. */
        LAST_N,
        /**
         * The predictions for the last {@code window-hours} predicted hours, ending at the clock under the data clock,
         * else at the latest hour the version predicted.
         */
        LAST_HOURS
    }

    /** How p-values are corrected for testing every feature at once. */
    public enum Correction {
        /** p × m: controls the chance of any false alarm; conservative. */
        BONFERRONI,
        /** Benjamini–Hochberg step-up: controls the expected share of false alarms among flagged features. */
        BENJAMINI_HOCHBERG,
        /** No correction (not recommended: with 13 tests at α = 0.05 about one false alarm in two checks). */
        NONE
    }

    /**
     * Drift tests.
     *
     * @param scheduleEnabled run checks on a schedule (default true); {@code POST /api/v1/drift/checks} works either
     *     way
     * @param checkInterval time between two scheduled checks, in clock time (default 24 h): under the wall clock the
     *     delay between the end of one check and the start of the next; under the data clock a check runs once the
     *     data hours reach the last scheduled check plus this
     * @param initialDelay wall clock only: wait after start-up before the first scheduled check (default 1 min)
     * @param windowMode how the current window is chosen (default {@code LAST_HOURS})
     * @param windowSize the number of predictions in a {@code LAST_N} window (default 1000)
     * @param windowHours the span of predicted hours in a {@code LAST_HOURS} window (default 168 h, a week)
     * @param minCurrentSize fewer current predictions than this: verdict {@code NOT_ENOUGH_DATA} (default 48: two
     *     days of hourly forecasts; the window holds the champion's own predictions, and the scheduled refresh
     *     replaces the champion every 72 hours, so a floor of 72 left every check without enough data)
     * @param minReferenceSize a reference sample smaller than this: verdict {@code NOT_ENOUGH_DATA}; a seasonal subset
     *     smaller than this falls back to the whole reference (default 200)
     * @param seasonalWindow weather and predictions are compared with the reference rows whose day of the year lies
     *     within this many days of a day the current window covers, in every year of the reference (default 14 days)
     * @param alpha significance level, applied to the corrected p-values (default 0.05)
     * @param correction multiple-testing correction over all tests of a check (default {@code BENJAMINI_HOCHBERG})
     * @param ksMinStatistic effect-size floor of a Kolmogorov–Smirnov test: a feature drifts only if D reaches it
     *     (default 0.1, i.e. the two CDFs differ by at least 10 percentage points somewhere)
     * @param chiSquareMinDistance effect-size floor of a chi-square test, as the total variation distance between
     *     the two category distributions, ½·Σ|p−q| (default 0.1: at least 10% of the mass moved category)
     * @param calibrationQuantile the weather's and the predictions' floors are raised to this quantile of the effect
     *     sizes of windows of the current window's length inside the reference itself, each compared with the rest of
     *     the reference (default 0.95; 0 turns calibration off): a week of weather is autocorrelated, and one week
     *     differs from its climatology by more than the fixed floors even when nothing changed
     * @param minCalibrationWindows with fewer such windows in the reference, the fixed floors apply (default 10)
     * @param datasetDriftShare the share of the weather features ({@code temp}, {@code atemp}, {@code hum}, {@code
     *     windspeed}, {@code weathersit}) that must drift for dataset drift (default 0.5, i.e. three of five);
     *     calendar features are reported but never count
     * @param histogramBins bins of the continuous histograms in the HTML report (default 20)
     */
    public record Drift(
            @DefaultValue("true") boolean scheduleEnabled,
            @DefaultValue("24h") @NotNull Duration checkInterval,
            @DefaultValue("1m") @NotNull Duration initialDelay,
            @DefaultValue("LAST_HOURS") @NotNull WindowMode windowMode,
            @DefaultValue("1000") @Min(1) int windowSize,
            @DefaultValue("168h") @NotNull Duration windowHours,
            @DefaultValue("48") @Min(2) int minCurrentSize,
            @DefaultValue("200") @Min(2) int minReferenceSize,
            @DefaultValue("14d") @NotNull Duration seasonalWindow,

            @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0")
            double alpha,

            @DefaultValue("BENJAMINI_HOCHBERG") @NotNull Correction correction,

            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0")
            double ksMinStatistic,

            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0")
            double chiSquareMinDistance,

            @DefaultValue("0.95") @DecimalMin("0.0") @DecimalMax("1.0")
            double calibrationQuantile,

            @DefaultValue("10") @Min(1) int minCalibrationWindows,

            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0")
            double datasetDriftShare,

            @DefaultValue("20") @Min(2) int histogramBins) {}

    /**
     * Live error: predictions joined with actuals of the same series and hour. Windows are spans of predicted hours
     * ending at the latest hour any actual was observed for (the data clock), not at the wall clock, so a replay of
     * 2012 is measured like live traffic.
     *
     * @param windows the sliding windows reported (default 24 h and 168 h)
     * @param minPairs fewer joined pairs than this in a window: "not enough data", never a number (default 24)
     * @param refreshInterval how often the live-error gauges are recomputed (default 30 s)
     */
    public record LiveError(
            @DefaultValue({"24h", "168h"}) @NotEmpty List<Duration> windows,
            @DefaultValue("24") @Min(1) int minPairs,
            @DefaultValue("30s") @NotNull Duration refreshInterval) {}

    /**
     * When monitoring asks for retraining (a training-requested event, with a drift-detected event when drift or
     * degradation is behind it). Drift and live error are judged after every drift check (a verdict of {@code
     * NOT_ENOUGH_DATA} or {@code ERROR}, or a live window with too few pairs, is no evidence); the scheduled refresh
     * also every time the data clock advances.
     *
     * @param enabled publish retraining requests at all (default true); alerts are raised either way
     * @param onDatasetDrift dataset drift (of the weather features) triggers (default true)
     * @param onLiveErrorDegraded live error degraded relative to the champion's holdout error triggers (default true)
     * @param liveWindow the live-error window degradation is judged on (default 168 h: a week holds every weekday and
     *     hour, so the error is not that of one kind of day)
     * @param degradationFactor the champion is degraded when its live RMSE over the live window is at least this
     *     times its holdout RMSE (default 1.5)
     * @param onScheduledRefresh a served fit older than the refresh interval triggers (default true)
     * @param refreshInterval how old, in clock time, the champion's served fit may get (default 72 h, chosen by the
     *     backtest in docs/monitoring-service.md; training's shortest holdout is as long, so a refresh's evaluation fit
     *     learns exactly what the champion learned and the gate judges it on every hour since): under the
     *     data clock measured from its {@code trainedThrough} hour (or the clock when the promotion was received),
     *     under the wall clock from its promotion
     * @param cooldown after a request, no other for the same model until this has passed, in clock time, whatever
     *     the trigger (default 24 h); stored in the database, so a restart does not forget it
     */
    public record Policy(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("true") boolean onDatasetDrift,
            @DefaultValue("true") boolean onLiveErrorDegraded,
            @DefaultValue("168h") @NotNull Duration liveWindow,

            @DefaultValue("1.5") @DecimalMin("1.0") double degradationFactor,

            @DefaultValue("true") boolean onScheduledRefresh,
            @DefaultValue("72h") @NotNull Duration refreshInterval,
            @DefaultValue("24h") @NotNull Duration cooldown) {}

    /**
     * Alerts. A channel is enabled by configuring its webhook URL.
     *
     * @param slackWebhookUrl a Slack incoming-webhook URL (default none: Slack disabled)
     * @param discordWebhookUrl a Discord webhook URL (default none: Discord disabled)
     * @param foldWindow the same kind of alert for the same subject within this time is counted, not sent again
     *     (default 1 h)
     * @param dispatchInterval how often stored alerts are looked at for delivery (default 5 s)
     * @param retryInitialInterval first wait after a failed delivery (default 5 s), doubled after each further
     *     failure
     * @param retryMaxInterval longest wait between attempts (default 10 min); delivery is retried until it succeeds
     * @param connectTimeout webhook connect timeout (default 2 s)
     * @param readTimeout webhook read timeout (default 5 s)
     * @param publicBaseUrl where people reach this service, for links in alerts (default http://localhost:8083)
     */
    public record Alerts(
            URI slackWebhookUrl,
            URI discordWebhookUrl,
            @DefaultValue("1h") @NotNull Duration foldWindow,
            @DefaultValue("5s") @NotNull Duration dispatchInterval,
            @DefaultValue("5s") @NotNull Duration retryInitialInterval,
            @DefaultValue("10m") @NotNull Duration retryMaxInterval,
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("5s") @NotNull Duration readTimeout,
            @DefaultValue("http://localhost:8083") @NotNull URI publicBaseUrl) {}
}
