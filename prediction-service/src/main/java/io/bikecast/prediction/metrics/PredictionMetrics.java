package io.bikecast.prediction.metrics;

import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.model.ServingModels;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The service's own meters, beside Spring's {@code http.server.requests}:
 *
 * <ul>
 *   <li>{@code bikecast.prediction.requests} (timer with histogram): every prediction endpoint call, tagged {@code
 *       endpoint}, {@code outcome} ({@code success}, {@code invalid}, {@code unavailable}, {@code error}) and {@code
 *       model.version} (of the champion snapshot the request used; {@code none} without one);
 *   <li>{@code bikecast.prediction.predicted.count} (distribution summary with histogram): the counts returned, tagged
 *       {@code served.by} and {@code model.version};
 *   <li>{@code bikecast.prediction.model.version} (gauge): the version served, tagged {@code alias}; NaN when none.
 * </ul>
 */
public class PredictionMetrics {

    private final MeterRegistry meters;
    private final Timer.MeterProvider<Timer> requests;
    private final io.micrometer.core.instrument.Meter.MeterProvider<DistributionSummary> predicted;

    public PredictionMetrics(MeterRegistry meters, Supplier<ServingModels> served) {
        this.meters = meters;
        this.requests = Timer.builder("bikecast.prediction.requests")
                .description("Prediction requests by endpoint, outcome and model version")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5))
                .withRegistry(meters);
        this.predicted = DistributionSummary.builder("bikecast.prediction.predicted.count")
                .description("Predicted hourly rentals returned or logged")
                .baseUnit("rentals")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(2000.0)
                .withRegistry(meters);
        gauge(served, "champion", ServingModels::champion);
        gauge(served, "challenger", ServingModels::challenger);
    }

    private void gauge(
            Supplier<ServingModels> served, String alias, Function<ServingModels, @Nullable ServedModel> model) {
        Gauge.builder("bikecast.prediction.model.version", served, snapshot -> {
                    ServedModel version = model.apply(snapshot.get());
                    return version == null ? Double.NaN : version.version();
                })
                .description("The model version being served, by alias")
                .tag("alias", alias)
                // The supplier is referenced by nothing else: a weak reference would let it be collected.
                .strongReference(true)
                .register(meters);
    }

    public void request(String endpoint, String outcome, String modelVersion, long nanos) {
        requests.withTags(Tags.of("endpoint", endpoint, "outcome", outcome, "model.version", modelVersion))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void predicted(String servedBy, long modelVersion, long count) {
        predicted
                .withTags(Tags.of("served.by", servedBy, "model.version", Long.toString(modelVersion)))
                .record(count);
    }
}
