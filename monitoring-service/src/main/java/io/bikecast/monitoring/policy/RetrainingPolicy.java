package io.bikecast.monitoring.policy;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * When the champion needs retraining: dataset drift (if enabled), or its live R² below the floor, or its live RMSE
 * above the ceiling, over the policy's live window. A drift verdict of {@code NOT_ENOUGH_DATA} or {@code ERROR} and a
 * live window without enough pairs are no evidence either way and never trigger.
 */
@Component
public class RetrainingPolicy {

    public static final String DATASET_DRIFT = "dataset_drift";
    public static final String LIVE_R2 = "live_r2";
    public static final String LIVE_RMSE = "live_rmse";

    private final MonitoringProperties.Policy settings;

    public RetrainingPolicy(MonitoringProperties properties) {
        this.settings = properties.policy();
    }

    public RetrainingDecision decide(DriftReport report, LiveError live) {
        List<String> reasons = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        if (settings.onDatasetDrift() && report.verdict() == DriftVerdict.DRIFT) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "dataset drift: %d of %d input features drifted (%s)",
                    report.driftedFeatures().size(),
                    FeatureSchema.features().size(),
                    String.join(", ", report.driftedFeatures())));
            codes.add(DATASET_DRIFT);
        }
        if (live != null && live.hasNumbers()) {
            if (live.r2() != null && live.r2() < settings.r2Floor()) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "live R² %.3f over the last %s is below the floor %.3f (%d pairs)",
                        live.r2(),
                        live.window(),
                        settings.r2Floor(),
                        live.pairs()));
                codes.add(LIVE_R2);
            }
            if (live.rmse() > settings.rmseCeiling()) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "live RMSE %.1f over the last %s is above the ceiling %.1f (%d pairs)",
                        live.rmse(),
                        live.window(),
                        settings.rmseCeiling(),
                        live.pairs()));
                codes.add(LIVE_RMSE);
            }
        }
        return new RetrainingDecision(reasons, codes);
    }
}
