package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.metrics.SettableGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * The drift checks' meters, exported to Prometheus, each per model ({@code model_name}: the default model and every
 * family have their own): {@code bikecast_drift_checks_total{verdict}}, {@code bikecast_drift_dataset_drift} (1
 * dataset drift, 0 none), {@code bikecast_drift_share}, {@code bikecast_drift_last_check_timestamp_seconds}, and per
 * feature and test the statistic, unadjusted p-value and effect size. A check without an answer sets the
 * dataset-drift gauge to NaN rather than keeping a stale answer or claiming 0.
 */
@Component
class DriftMetrics {

    private static final String MODEL_NAME = "model_name";
    private static final String DATASET_DRIFT = "bikecast.drift.dataset.drift";
    private static final String DATASET_DRIFT_HELP = "1 if the last drift check found dataset drift, else 0";
    private static final String SHARE = "bikecast.drift.share";
    private static final String SHARE_HELP = "share of input features that drifted in the last check";
    private static final String LAST_CHECK = "bikecast.drift.last.check.timestamp.seconds";
    private static final String LAST_CHECK_HELP = "when the last drift check ran";

    private final MeterRegistry registry;
    private final SettableGauges gauges;

    DriftMetrics(MeterRegistry registry, MonitoringProperties models) {
        this.registry = registry;
        this.gauges = new SettableGauges(registry);
        for (String model : models.models()) {
            Tags tags = Tags.of(MODEL_NAME, model);
            gauges.register(DATASET_DRIFT, tags, DATASET_DRIFT_HELP);
            gauges.register(SHARE, tags, SHARE_HELP);
            gauges.register(LAST_CHECK, tags, LAST_CHECK_HELP);
        }
    }

    void checked(DriftReport report) {
        Tags model = Tags.of(MODEL_NAME, report.modelName());
        Counter.builder("bikecast.drift.checks")
                .description("drift checks by verdict")
                .tags(model)
                .tag("verdict", report.verdict().name())
                .register(registry)
                .increment();
        gauges.set(LAST_CHECK, model, LAST_CHECK_HELP, report.createdAt().toEpochMilli() / 1000.0);
        if (report.verdict() == DriftVerdict.NOT_ENOUGH_DATA || report.verdict() == DriftVerdict.ERROR) {
            gauges.set(DATASET_DRIFT, model, DATASET_DRIFT_HELP, Double.NaN);
            gauges.set(SHARE, model, SHARE_HELP, Double.NaN);
            return;
        }
        gauges.set(DATASET_DRIFT, model, DATASET_DRIFT_HELP, report.verdict() == DriftVerdict.DRIFT ? 1 : 0);
        gauges.set(SHARE, model, SHARE_HELP, report.driftShare());
        for (FeatureDrift feature : report.features()) {
            Tags tags = model.and(
                    "feature", feature.feature(), "test", feature.test().name());
            gauges.set(
                    "bikecast.drift.feature.statistic",
                    tags,
                    "test statistic of the feature's drift test",
                    feature.statistic());
            gauges.set(
                    "bikecast.drift.feature.p.value",
                    tags,
                    "unadjusted p-value of the feature's drift test",
                    feature.pValue());
            gauges.set(
                    "bikecast.drift.feature.effect.size",
                    tags,
                    "effect size of the feature's drift test",
                    feature.effectSize());
        }
    }
}
