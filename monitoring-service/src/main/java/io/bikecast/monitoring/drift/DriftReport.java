package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.drift.DriftProperties.Correction;
import io.bikecast.monitoring.drift.DriftProperties.WindowMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored drift check: what was compared, how, and what came out.
 *
 * @param createdAt when the check ran, on the wall clock
 * @param clockTime the monitoring clock's local time the check ran at: the data hour under the data clock
 * @param trigger {@code SCHEDULE} or {@code API}
 * @param modelName the model checked: the default one or a model family
 * @param modelVersion the champion compared against; null when there was none
 * @param detail why a check has no answer ({@code NOT_ENOUGH_DATA}, {@code ERROR}), or a one-line summary
 * @param seriesCount how many distinct series the current window holds: a model family's stations, 1 for the default
 *     model's {@code system}; null in reports stored before it was counted
 * @param driftShare the share of weather features that drifted; null without an answer
 * @param driftedFeatures the drifted weather features, in model order: what dataset drift counts (prediction drift is
 *     reported apart)
 * @param driftedCalendarFeatures the calendar features that differ from the whole reference, in model order:
 *     reported, never counted
 * @param predictionDrift whether the model's predictions drifted; null without an answer
 * @param weatherReference what the weather features and the predictions were tested against; null without an answer
 * @param features every test, inputs in model order, then the prediction
 */
public record DriftReport(
        UUID id,
        Instant createdAt,
        LocalDateTime clockTime,
        Trigger trigger,
        String modelName,
        Long modelVersion,
        DriftVerdict verdict,
        String detail,
        int referenceSize,
        int currentSize,
        Integer seriesCount,
        Window window,
        Settings settings,
        Double driftShare,
        List<String> driftedFeatures,
        List<String> driftedCalendarFeatures,
        Boolean predictionDrift,
        ReferenceSelection weatherReference,
        List<FeatureDrift> features) {

    public DriftReport {
        driftedFeatures = List.copyOf(driftedFeatures);
        driftedCalendarFeatures = driftedCalendarFeatures == null ? List.of() : List.copyOf(driftedCalendarFeatures);
        features = List.copyOf(features);
    }

    /** What started a check. */
    public enum Trigger {
        SCHEDULE,
        API
    }

    /**
     * The current window.
     *
     * @param mode how it was chosen
     * @param size the configured number of predictions ({@code LAST_N})
     * @param hours the configured span of predicted hours ({@code LAST_HOURS}), ending at the clock under the data
     *     clock
     * @param firstHour the earliest predicted hour in it, if any prediction named one
     * @param lastHour the latest predicted hour in it
     * @param from the earliest time a prediction in it was made
     * @param to the latest time a prediction in it was made
     */
    public record Window(
            WindowMode mode,
            int size,
            Duration hours,
            LocalDateTime firstHour,
            LocalDateTime lastHour,
            Instant from,
            Instant to) {}

    /** The thresholds the check ran with. */
    public record Settings(
            double alpha,
            Correction correction,
            double ksMinStatistic,
            double chiSquareMinDistance,
            double datasetDriftShare,
            int minCurrentSize,
            int minReferenceSize,
            Duration seasonalWindow) {}
}
