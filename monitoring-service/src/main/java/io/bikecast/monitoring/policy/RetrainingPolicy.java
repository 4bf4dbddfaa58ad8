package io.bikecast.monitoring.policy;

import io.bikecast.monitoring.champion.ServedChampion;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.drift.FeatureDrift;
import io.bikecast.monitoring.liveerror.LiveError;
import io.bikecast.platform.clock.ClockProperties;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When the champion needs retraining:
 *
 * <ul>
 *   <li>{@value #DATASET_DRIFT}: the drift check found dataset drift of the weather features (if enabled);
 *   <li>{@value #LIVE_ERROR_DEGRADED}: its live RMSE over the live window is at least {@code degradation-factor}
 *       times its own holdout RMSE, on at least {@code live-error.min-pairs} pairs (a model that always scored 90 is
 *       not degraded when it serves at 90; one that scored 60 is);
 *   <li>{@value #SCHEDULED_REFRESH}: its served fit is at least {@code refresh-interval} old in clock time, since the
 *       newest data keeps a forest honest better than any threshold.
 * </ul>
 *
 * A drift verdict of {@code NOT_ENOUGH_DATA} or {@code ERROR}, a live window without enough pairs and an unknown
 * holdout RMSE are no evidence either way and never trigger.
 */
@Component
class RetrainingPolicy {

    static final String DATASET_DRIFT = "dataset_drift";
    static final String LIVE_ERROR_DEGRADED = "live_error_degraded";
    static final String SCHEDULED_REFRESH = "scheduled_refresh";

    private static final long WEATHER_FEATURES = FeatureDrift.Role.weatherFeatures();

    private final PolicyProperties settings;
    private final boolean dataClock;

    RetrainingPolicy(PolicyProperties settings, ClockProperties clock) {
        this.settings = settings;
        this.dataClock = clock.dataClock();
    }

    /**
     * Decides on the evidence at hand.
     *
     * @param report the drift check just run, or null when only the refresh is evaluated
     * @param live the champion's served live error over the live window, or null
     * @param champion the champion as monitoring knows it, or null without one
     * @param now the clock reading the decision is made at
     */
    RetrainingDecision decide(DriftReport report, LiveError live, ServedChampion champion, ClockReading now) {
        List<String> reasons = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        if (settings.onDatasetDrift() && report != null && report.verdict() == DriftVerdict.DRIFT) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "dataset drift: %d of %d weather features drifted (%s)",
                    report.driftedFeatures().size(),
                    WEATHER_FEATURES,
                    String.join(", ", report.driftedFeatures())));
            codes.add(DATASET_DRIFT);
        }
        if (settings.onLiveErrorDegraded() && degraded(live, champion)) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "live error degraded: live RMSE %.1f over the last %s is %.2f× the holdout RMSE %.1f of v%d"
                            + " (limit %.2f×, %d pairs)",
                    live.rmse(),
                    live.window(),
                    live.rmse() / champion.holdoutRmse(),
                    champion.holdoutRmse(),
                    champion.version(),
                    settings.degradationFactor(),
                    live.pairs()));
            codes.add(LIVE_ERROR_DEGRADED);
        }
        if (settings.onScheduledRefresh() && champion != null) {
            refresh(champion, now).ifPresent(reason -> {
                reasons.add(reason);
                codes.add(SCHEDULED_REFRESH);
            });
        }
        return new RetrainingDecision(reasons, codes);
    }

    private boolean degraded(LiveError live, ServedChampion champion) {
        return comparable(live, champion) && live.rmse() >= settings.degradationFactor() * champion.holdoutRmse();
    }

    /**
     * True if there is evidence that the champion's live error is within the degradation threshold: enough pairs of
     * the champion version itself, a known holdout RMSE, and a live RMSE below {@code degradation-factor} times it.
     * Not enough data is no evidence, and clears nothing.
     */
    boolean withinThreshold(LiveError live, ServedChampion champion) {
        return comparable(live, champion) && live.rmse() < settings.degradationFactor() * champion.holdoutRmse();
    }

    /** Enough live pairs of the champion version itself, and a holdout RMSE to hold them against. */
    private static boolean comparable(LiveError live, ServedChampion champion) {
        return live != null
                && live.hasNumbers()
                && champion != null
                && champion.version() == live.modelVersion()
                && champion.holdoutRmse() != null
                && champion.holdoutRmse() > 0;
    }

    private Optional<String> refresh(ServedChampion champion, ClockReading now) {
        Duration interval = settings.refreshInterval();
        if (dataClock) {
            LocalDateTime since = champion.servedFitHour();
            if (since == null || since.plus(interval).isAfter(now.local())) {
                return Optional.empty();
            }
            return Optional.of(String.format(
                    Locale.ROOT,
                    "scheduled refresh: the served fit of v%d learned from data through %s, %s before %s"
                            + " (refresh interval %s)",
                    champion.version(),
                    since,
                    human(Duration.between(since, now.local())),
                    now.local(),
                    human(interval)));
        }
        if (champion.receivedAt().plus(interval).isAfter(now.instant())) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "scheduled refresh: v%d was promoted at %s, %s ago (refresh interval %s)",
                champion.version(),
                champion.receivedAt(),
                human(Duration.between(champion.receivedAt(), now.instant())),
                human(interval)));
    }

    /** A duration as a person writes it: {@code 7d}, {@code 7d 3h}, {@code 36h} below two days. */
    static String human(Duration duration) {
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + "h";
        }
        return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
    }
}
