package io.bikecast.monitoring.metrics;

import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.drift.FeatureDrift;
import io.bikecast.monitoring.liveerror.LiveError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The monitoring service's Micrometer meters, exported to Prometheus for Grafana. Gauges hold the latest value; a
 * value that is unknown (no answer yet, or not enough data) is NaN, never a made-up number.
 *
 * <ul>
 *   <li>{@code bikecast_drift_dataset_drift}: 1 after a check found dataset drift, 0 after one found none
 *   <li>{@code bikecast_drift_share}: the share of input features that drifted
 *   <li>{@code bikecast_drift_feature_statistic{feature}}, {@code bikecast_drift_feature_p_value{feature}}
 *   <li>{@code bikecast_drift_last_check_timestamp_seconds}: when the last check ran (Unix time)
 *   <li>{@code bikecast_live_rmse}, {@code bikecast_live_mae}, {@code bikecast_live_r2}, {@code bikecast_live_bias},
 *       {@code bikecast_live_pairs} {model_name, model_version, window, traffic}
 *   <li>{@code bikecast_drift_checks_total{verdict}}, {@code bikecast_alert_deliveries_total{channel, outcome}},
 *       {@code bikecast_training_requests_total{reason}}
 * </ul>
 */
@Component
public class MonitoringMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public MonitoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        gauge("bikecast.drift.dataset.drift", Tags.empty(), "1 if the last drift check found dataset drift, else 0");
        gauge("bikecast.drift.share", Tags.empty(), "share of input features that drifted in the last check");
        gauge("bikecast.drift.last.check.timestamp.seconds", Tags.empty(), "when the last drift check ran");
    }

    /** Records a finished drift check. */
    public void driftChecked(DriftReport report) {
        Counter.builder("bikecast.drift.checks")
                .description("drift checks by verdict")
                .tag("verdict", report.verdict().name())
                .register(registry)
                .increment();
        set(
                "bikecast.drift.last.check.timestamp.seconds",
                Tags.empty(),
                report.createdAt().toEpochMilli() / 1000.0);
        if (report.verdict() == DriftVerdict.NOT_ENOUGH_DATA || report.verdict() == DriftVerdict.ERROR) {
            // No answer: the dataset-drift gauge says "unknown" rather than keeping a stale answer or claiming 0.
            set("bikecast.drift.dataset.drift", Tags.empty(), Double.NaN);
            set("bikecast.drift.share", Tags.empty(), Double.NaN);
            return;
        }
        set("bikecast.drift.dataset.drift", Tags.empty(), report.verdict() == DriftVerdict.DRIFT ? 1 : 0);
        set("bikecast.drift.share", Tags.empty(), report.driftShare());
        for (FeatureDrift feature : report.features()) {
            Tags tags =
                    Tags.of("feature", feature.feature(), "test", feature.test().name());
            gauge("bikecast.drift.feature.statistic", tags, "test statistic of the feature's drift test");
            gauge("bikecast.drift.feature.p.value", tags, "unadjusted p-value of the feature's drift test");
            gauge("bikecast.drift.feature.effect.size", tags, "effect size of the feature's drift test");
            set("bikecast.drift.feature.statistic", tags, feature.statistic());
            set("bikecast.drift.feature.p.value", tags, feature.pValue());
            set("bikecast.drift.feature.effect.size", tags, feature.effectSize());
        }
    }

    /** Replaces the live-error gauges with the latest windows; series that no longer appear become NaN. */
    public void liveErrorComputed(List<LiveError> windows) {
        gauges.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("bikecast.live."))
                .forEach(entry -> entry.getValue().set(Double.NaN));
        for (LiveError window : windows) {
            Tags tags = Tags.of(
                    "model_name", window.modelName(),
                    "model_version", Long.toString(window.modelVersion()),
                    "window", window.window(),
                    "traffic", window.shadow() ? "shadow" : "served");
            live("bikecast.live.rmse", tags, window.rmse(), "live RMSE, rentals per hour");
            live("bikecast.live.mae", tags, window.mae(), "live MAE, rentals per hour");
            live("bikecast.live.r2", tags, window.r2(), "live coefficient of determination");
            live("bikecast.live.bias", tags, window.bias(), "live mean of prediction minus actual");
            live("bikecast.live.pairs", tags, (double) window.pairs(), "predictions joined with actuals");
        }
    }

    public void alertDelivery(String channel, String outcome) {
        Counter.builder("bikecast.alert.deliveries")
                .description("webhook delivery attempts by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void alertRaised(String kind, boolean folded) {
        Counter.builder("bikecast.alerts.raised")
                .description("alerts raised, by kind and whether they were folded into an earlier one")
                .tag("kind", kind)
                .tag("folded", Boolean.toString(folded))
                .register(registry)
                .increment();
    }

    public void trainingRequested(String reason) {
        Counter.builder("bikecast.training.requests")
                .description("retraining requests published by monitoring, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private void live(String name, Tags tags, Double value, String description) {
        gauge(name, tags, description);
        set(name, tags, value == null ? Double.NaN : value);
    }

    private void gauge(String name, Tags tags, String description) {
        gauges.computeIfAbsent(key(name, tags), k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, value, AtomicReference::get)
                    .description(description)
                    .tags(tags)
                    .register(registry);
            return value;
        });
    }

    private void set(String name, Tags tags, double value) {
        gauge(name, tags, name);
        gauges.get(key(name, tags)).set(value);
    }

    private static String key(String name, Tags tags) {
        StringBuilder key = new StringBuilder(name);
        tags.forEach(tag -> key.append('|').append(tag.getKey()).append('=').append(tag.getValue()));
        return key.toString();
    }
}
