package io.bikecast.monitoring.drift;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Drift tests ({@code bikecast.monitoring.drift.*}), and how often they are scheduled.
 *
 * @param scheduleEnabled run checks on a schedule (default true); {@code POST /api/v1/drift/checks} works either way
 * @param checkInterval time between two scheduled checks, in clock time (default 24 h): under the wall clock the
 *     delay between the end of one check and the start of the next; under the data clock a check runs once the data
 *     hours reach the last scheduled check plus this
 * @param initialDelay wall clock only: wait after start-up before the first scheduled check (default 1 min)
 * @param windowMode how the current window is chosen (default {@code LAST_HOURS})
 * @param windowSize the number of predictions in a {@code LAST_N} window (default 1000)
 * @param windowHours the span of predicted hours in a {@code LAST_HOURS} window (default 168 h, a week)
 * @param minCurrentSize fewer current predictions than this: verdict {@code NOT_ENOUGH_DATA} (default 48: two days
 *     of hourly forecasts; the window holds the champion's own predictions, and the scheduled refresh replaces the
 *     champion every 72 hours, so a floor of 72 left every check without enough data)
 * @param minReferenceSize a reference sample smaller than this: verdict {@code NOT_ENOUGH_DATA}; a seasonal subset
 *     smaller than this falls back to the whole reference (default 200)
 * @param seasonalWindow weather and predictions are compared with the reference rows whose day of the year lies
 *     within this many days of a day the current window covers, in every year of the reference (default 14 days)
 * @param alpha significance level, applied to the corrected p-values (default 0.05)
 * @param correction multiple-testing correction over all tests of a check (default {@code BENJAMINI_HOCHBERG})
 * @param ksMinStatistic effect-size floor of a Kolmogorov–Smirnov test: a feature drifts only if D reaches it
 *     (default 0.1, i.e. the two CDFs differ by at least 10 percentage points somewhere)
 * @param chiSquareMinDistance effect-size floor of a chi-square test, as the total variation distance between the
 *     two category distributions, ½·Σ|p−q| (default 0.1: at least 10% of the mass moved category)
 * @param calibrationQuantile the weather's and the predictions' floors are raised to this quantile of the effect
 *     sizes of windows of the current window's length inside the reference itself, each compared with the rest of the
 *     reference (default 0.95; 0 turns calibration off): a week of weather is autocorrelated, and one week differs
 *     from its climatology by more than the fixed floors even when nothing changed
 * @param minCalibrationWindows with fewer such windows in the reference, the fixed floors apply (default 10)
 * @param datasetDriftShare the share of the weather features ({@code temp}, {@code atemp}, {@code hum}, {@code
 *     windspeed}, {@code weathersit}) that must drift for dataset drift (default 0.5, i.e. three of five); calendar
 *     features are reported but never count
 * @param histogramBins bins of the continuous histograms in the HTML report (default 20)
 */
@Validated
@ConfigurationProperties("bikecast.monitoring.drift")
public record DriftProperties(
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

        @DefaultValue("20") @Min(2) int histogramBins) {

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
}
