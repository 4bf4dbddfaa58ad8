package io.bikecast.monitoring.liveerror;

import io.bikecast.monitoring.metrics.SettableGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The live-error gauges, exported to Prometheus: {@code bikecast_live_rmse}, {@code _mae}, {@code _r2}, {@code
 * _bias} and {@code _pairs}, tagged {@code model_name}, {@code model_version}, {@code window} and {@code traffic}
 * ({@code served} or {@code shadow}). A window without enough pairs is NaN, never a number.
 */
@Component
class LiveErrorGauges {

    private final SettableGauges gauges;

    LiveErrorGauges(MeterRegistry registry) {
        this.gauges = new SettableGauges(registry);
    }

    /** Replaces the gauges with the latest windows; series that no longer appear become NaN. */
    void computed(List<LiveError> windows) {
        gauges.clear();
        for (LiveError window : windows) {
            Tags tags = Tags.of(
                    "model_name", window.modelName(),
                    "model_version", Long.toString(window.modelVersion()),
                    "window", window.window(),
                    "traffic", window.shadow() ? "shadow" : "served");
            set("bikecast.live.rmse", tags, window.rmse(), "live RMSE, rentals per hour");
            set("bikecast.live.mae", tags, window.mae(), "live MAE, rentals per hour");
            set("bikecast.live.r2", tags, window.r2(), "live coefficient of determination");
            set("bikecast.live.bias", tags, window.bias(), "live mean of prediction minus actual");
            set("bikecast.live.pairs", tags, (double) window.pairs(), "predictions joined with actuals");
        }
    }

    private void set(String name, Tags tags, Double value, String description) {
        gauges.set(name, tags, description, value == null ? Double.NaN : value);
    }
}
