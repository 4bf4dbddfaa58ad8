package io.bikecast.monitoring.lifecycle;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.monitoring.alerts.AlertField;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.NewAlert;
import io.bikecast.monitoring.alerts.Severity;
import java.util.List;
import java.util.Locale;

/** The words of the alerts the models' lifecycle raises, as a person on call reads them in Slack or Discord. */
final class LifecycleAlerts {

    private LifecycleAlerts() {}

    static NewAlert trainingFailed(TrainingFailed failed) {
        return new NewAlert(
                AlertKind.TRAINING_FAILED,
                failed.modelName(),
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
    static NewAlert championPromoted(ModelPromoted promoted) {
        String previous = promoted.previousVersion() == null ? "none" : "v" + promoted.previousVersion();
        return new NewAlert(
                AlertKind.CHAMPION_PROMOTED,
                promoted.modelName(),
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

    /** Why a run that succeeded clears the model's failed-training alerts, e.g. {@code training run … succeeded}. */
    static String trainingSucceeded(ModelTrained trained) {
        return "training run " + trained.runId() + " of " + trained.modelName() + " succeeded: v" + trained.version()
                + " registered (" + trained.status() + ")";
    }

    private static String metrics(ModelMetrics metrics) {
        return metrics == null
                ? "no metrics"
                : String.format(
                        Locale.ROOT, "RMSE %.1f, MAE %.1f, R² %.3f", metrics.rmse(), metrics.mae(), metrics.r2());
    }
}
