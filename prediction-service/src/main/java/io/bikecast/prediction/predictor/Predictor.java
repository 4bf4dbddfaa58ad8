package io.bikecast.prediction.predictor;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.prediction.PredictionProperties.ChallengerMode;
import io.bikecast.prediction.log.PredictionLogBuffer;
import io.bikecast.prediction.model.ModelOutput;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ServingModels;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Answers validated inputs from one {@link ServingModels} snapshot: routes to the champion or, in A/B mode, the
 * challenger; in shadow mode lets the challenger predict too; and hands every prediction to the log buffer, which
 * never blocks. Each count returned or logged is recorded in {@code bikecast.prediction.predicted.count}
 * (distribution summary with histogram, tagged {@code served.by} and {@code model.version}).
 */
public class Predictor {

    private final ModelHolder holder;
    private final ChallengerRouter router;
    private final PredictionLogBuffer logBuffer;
    private final Meter.MeterProvider<DistributionSummary> predicted;
    private final Clock clock;
    private final String modelName;

    Predictor(
            ModelHolder holder,
            ChallengerRouter router,
            PredictionLogBuffer logBuffer,
            MeterRegistry meters,
            Clock clock,
            String modelName) {
        this.holder = holder;
        this.router = router;
        this.logBuffer = logBuffer;
        this.predicted = DistributionSummary.builder("bikecast.prediction.predicted.count")
                .description("Predicted hourly rentals returned or logged")
                .baseUnit("rentals")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(2000.0)
                .withRegistry(meters);
        this.clock = clock;
        this.modelName = modelName;
    }

    /** The snapshot a request uses from start to end. */
    public ServingModels snapshot() {
        return holder.current();
    }

    /**
     * The snapshot itself, if it has a champion.
     *
     * @throws NoChampionException if it has none
     */
    public ServingModels requireChampion(ServingModels models) {
        if (!models.hasChampion()) {
            throw new NoChampionException(modelName);
        }
        return models;
    }

    /** Predicts one input from the given snapshot, which must have a champion. */
    public Answer predict(ServingModels models, PredictionInput input) {
        ServedModel champion = models.champion();
        ServedModel challenger = models.challenger();
        if (champion == null) {
            throw new NoChampionException(modelName);
        }
        double[] vector = FeatureEngineering.vector(input.features());
        boolean challengerAnswers = challenger != null && router.routeToChallenger(input.clientKey());
        ServedModel model = challengerAnswers ? challenger : champion;
        ServedBy servedBy = challengerAnswers ? ServedBy.CHALLENGER : ServedBy.CHAMPION;
        ModelOutput output = model.predict(vector);
        UUID predictionId = UUID.randomUUID();
        Instant now = clock.instant();
        log(predictionId, input, model, servedBy, output, false, now);
        if (challenger != null && router.mode() == ChallengerMode.SHADOW) {
            ModelOutput shadow = challenger.predict(vector);
            log(shadowId(predictionId), input, challenger, ServedBy.CHALLENGER, shadow, true, now);
        }
        return new Answer(predictionId, input, model, servedBy, output);
    }

    /**
     * A shadow prediction's id, derived from the answered one's (a name-based UUID of {@code "shadow:" + id}), so that
     * monitoring stores both (it keeps each id once) and can still pair them.
     */
    public static UUID shadowId(UUID predictionId) {
        return UUID.nameUUIDFromBytes(("shadow:" + predictionId).getBytes(StandardCharsets.UTF_8));
    }

    private void log(
            UUID predictionId,
            PredictionInput input,
            ServedModel model,
            ServedBy servedBy,
            ModelOutput output,
            boolean shadow,
            Instant at) {
        predicted
                .withTags(Tags.of(
                        "served.by",
                        shadow ? "shadow" : servedBy.name().toLowerCase(Locale.ROOT),
                        "model.version",
                        Long.toString(model.version())))
                .record(output.count());
        logBuffer.offer(PredictionLogged.of(
                predictionId,
                input.seriesId().value(),
                input.hour(),
                input.features(),
                output.raw(),
                output.count(),
                model.modelName(),
                model.version(),
                servedBy,
                shadow,
                at));
    }
}
