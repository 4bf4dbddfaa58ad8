package io.bikecast.monitoring.policy;

import io.bikecast.monitoring.alerts.AlertField;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.NewAlert;
import io.bikecast.monitoring.alerts.Severity;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.FeatureDrift;
import io.bikecast.monitoring.drift.StatisticalTest;
import io.bikecast.monitoring.liveerror.LiveError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words of the alerts the policy raises after a drift check, as a person on call reads them in Slack or Discord;
 * both link to the check's HTML report.
 */
final class PolicyAlerts {

    private PolicyAlerts() {}

    /**
     * Dataset drift: which columns drifted and by how much, largest effect first; calendar features say that they do
     * not count.
     */
    static NewAlert driftDetected(DriftReport report) {
        List<AlertField> fields = new ArrayList<>();
        report.features().stream()
                .filter(FeatureDrift::drifted)
                .sorted(Comparator.comparingDouble(FeatureDrift::effectSize).reversed())
                .forEach(feature -> fields.add(new AlertField(feature.feature(), describe(feature))));
        fields.add(new AlertField("drift share", percent(report.driftShare())));
        fields.add(new AlertField(
                "window", report.currentSize() + " predictions vs " + report.referenceSize() + " reference rows"));
        return new NewAlert(
                AlertKind.DRIFT_DETECTED,
                report.modelName(),
                report.modelName() + ":" + report.modelVersion(),
                Severity.WARNING,
                "Data drift: " + report.modelName() + " v" + report.modelVersion(),
                report.detail(),
                fields,
                reportPage(report));
    }

    /** The champion's live error grew well beyond its own holdout error. */
    static NewAlert liveErrorDegraded(LiveError live, Double holdoutRmse, String reason, DriftReport report) {
        return new NewAlert(
                AlertKind.LIVE_PERFORMANCE_DEGRADED,
                live.modelName(),
                live.modelName() + ":" + live.modelVersion(),
                Severity.CRITICAL,
                "Live performance degraded: " + live.modelName() + " v" + live.modelVersion(),
                reason,
                List.of(
                        new AlertField("RMSE", number(live.rmse())),
                        new AlertField("holdout RMSE", number(holdoutRmse)),
                        new AlertField("MAE", number(live.mae())),
                        new AlertField("R²", live.r2() == null ? "n/a" : number(live.r2())),
                        new AlertField("bias", number(live.bias())),
                        new AlertField("window", live.window() + " to " + live.to() + " (" + live.pairs() + " pairs)")),
                reportPage(report));
    }

    /** Why a check clears the model's drift alerts, e.g. {@code the drift check … of v4 at … found no dataset drift}. */
    static String noDrift(DriftReport report) {
        return "the drift check " + report.id() + " of v" + report.modelVersion() + " found no dataset drift"
                + (report.driftShare() == null ? "" : " (drift share " + percent(report.driftShare()) + ")");
    }

    /** Why live error within the threshold clears the model's degradation alerts. */
    static String liveErrorWithin(LiveError live, double holdoutRmse, double factor) {
        return String.format(
                Locale.ROOT,
                "live RMSE %.1f over the last %s is %.2f× the holdout RMSE %.1f of v%d, within the limit of %.2f×"
                        + " (%d pairs)",
                live.rmse(),
                live.window(),
                live.rmse() / holdoutRmse,
                holdoutRmse,
                live.modelVersion(),
                factor,
                live.pairs());
    }

    private static String describe(FeatureDrift feature) {
        String effect = feature.test() == StatisticalTest.KOLMOGOROV_SMIRNOV
                ? String.format(Locale.ROOT, "KS D = %.3f", feature.effectSize())
                : String.format(Locale.ROOT, "χ² = %.1f, TVD = %.3f", feature.statistic(), feature.effectSize());
        return String.format(
                Locale.ROOT,
                "%s, adjusted p = %.2g, mean %.3g → %.3g%s",
                effect,
                feature.adjustedPValue(),
                feature.referenceMean(),
                feature.currentMean(),
                feature.role() == FeatureDrift.Role.CALENDAR ? " (calendar: not counted)" : "");
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** The report's page, {@code GET /api/v1/drift/reports/{id}/html}. */
    private static String reportPage(DriftReport report) {
        return "/api/v1/drift/reports/" + report.id() + "/html";
    }
}
