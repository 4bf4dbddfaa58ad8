package io.bikecast.monitoring.alerts;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.FeatureDrift;
import io.bikecast.monitoring.drift.StatisticalTest;
import io.bikecast.monitoring.liveerror.LiveError;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The words of each kind of alert: what a person on call reads in Slack or Discord. */
public final class AlertMessages {

    private AlertMessages() {}

    /**
     * Dataset drift: which columns drifted and by how much, largest effect first; calendar features say that they do
     * not count.
     */
    public static NewAlert driftDetected(DriftReport report, String reason, URI baseUrl) {
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
                report.modelName() + ":" + report.modelVersion(),
                Severity.WARNING,
                "Data drift: " + report.modelName() + " v" + report.modelVersion(),
                reason,
                fields,
                reportLink(baseUrl, report));
    }

    /** The champion's live error grew well beyond its own holdout error. */
    public static NewAlert liveErrorDegraded(
            LiveError live, Double holdoutRmse, String reason, DriftReport report, URI baseUrl) {
        return new NewAlert(
                AlertKind.LIVE_PERFORMANCE_DEGRADED,
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
                reportLink(baseUrl, report));
    }

    public static NewAlert trainingFailed(TrainingFailed failed) {
        return new NewAlert(
                AlertKind.TRAINING_FAILED,
                String.valueOf(failed.runId()),
                Severity.CRITICAL,
                "Training failed: " + failed.modelName(),
                failed.error(),
                List.of(
                        new AlertField("run", String.valueOf(failed.runId())),
                        new AlertField("trigger", String.valueOf(failed.trigger()))),
                null);
    }

    /** A new champion, with the old and the new version's holdout metrics side by side. */
    public static NewAlert championPromoted(ModelPromoted promoted) {
        String previous = promoted.previousVersion() == null ? "none" : "v" + promoted.previousVersion();
        return new NewAlert(
                AlertKind.CHAMPION_PROMOTED,
                promoted.modelName() + ":" + promoted.version(),
                Severity.INFO,
                "New champion: " + promoted.modelName() + " v" + promoted.version(),
                promoted.modelName() + " " + previous + " → v" + promoted.version() + ": " + promoted.reason(),
                List.of(
                        new AlertField("new version", "v" + promoted.version() + " · " + metrics(promoted.metrics())),
                        new AlertField(
                                "previous version",
                                promoted.previousVersion() == null
                                        ? "none"
                                        : previous + " · " + metrics(promoted.previousMetrics()))),
                null);
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

    private static String metrics(ModelMetrics metrics) {
        return metrics == null
                ? "no metrics"
                : String.format(
                        Locale.ROOT, "RMSE %.1f, MAE %.1f, R² %.3f", metrics.rmse(), metrics.mae(), metrics.r2());
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String reportLink(URI baseUrl, DriftReport report) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + "/api/v1/drift/reports/" + report.id() + "/html";
    }
}
