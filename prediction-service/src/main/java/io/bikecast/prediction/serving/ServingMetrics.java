package io.bikecast.prediction.serving;

import io.bikecast.prediction.model.ModelRefusedException.Reason;
import io.bikecast.prediction.model.ServedModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The meters of what is served:
 *
 * <ul>
 *   <li>{@code bikecast.prediction.model.version} (gauge): the version served, tagged {@code model} and {@code alias};
 *       NaN when none;
 *   <li>{@code bikecast.prediction.model.refused} (counter): versions refused, tagged {@code model} and {@code reason} ({@code checksum},
 *       {@code too-large}, {@code unreadable}, {@code feature-schema}); every reason is registered from the start, so
 *       an alert can watch for any increase.
 * </ul>
 */
class ServingMetrics {

    private final Map<Reason, Counter> refused = new EnumMap<>(Reason.class);

    ServingMetrics(MeterRegistry meters, ModelHolder holder, String modelName) {
        gauge(meters, holder, modelName, "champion", ServingModels::champion);
        gauge(meters, holder, modelName, "challenger", ServingModels::challenger);
        for (Reason reason : Reason.values()) {
            refused.put(
                    reason,
                    Counter.builder("bikecast.prediction.model.refused")
                            .description("Model versions refused instead of served, by reason")
                            .tag("reason", reason.tag())
                            .tag("model", modelName)
                            .register(meters));
        }
    }

    void refused(Reason reason) {
        refused.get(reason).increment();
    }

    private static void gauge(
            MeterRegistry meters,
            ModelHolder holder,
            String modelName,
            String alias,
            Function<ServingModels, @Nullable ServedModel> model) {
        Gauge.builder("bikecast.prediction.model.version", holder, served -> {
                    ServedModel version = model.apply(served.current());
                    return version == null ? Double.NaN : version.version();
                })
                .description("The model version being served, by alias")
                .tag("alias", alias)
                .tag("model", modelName)
                .register(meters);
    }
}
