package io.bikecast.prediction.predictor;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.prediction.PredictionProperties.ChallengerMode;
import io.bikecast.prediction.calibration.IntervalCalibration;
import io.bikecast.prediction.history.RecentDemand;
import io.bikecast.prediction.log.PredictionLogBuffer;
import io.bikecast.prediction.model.ModelOutput;
import io.bikecast.prediction.model.ServedLead;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.model.ServingVector;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ServingModels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Answers validated inputs from one {@link ServingModels} snapshot: routes to the champion or, in A/B mode, the
 * challenger; picks the model of the input's horizon and gives it the series' recent demand as of the issue time; in
 * shadow mode lets the challenger predict too (within the shadow budget, see {@link ShadowBudget}); scales each lead's interval by its live calibration and tells the
 * calibration what was served at the lead's own horizon; and hands every prediction to the log buffer, which never blocks. Each count returned or logged is recorded in {@code bikecast.prediction.predicted.count}
 * (distribution summary with histogram, tagged {@code served.by} and {@code model.version}).
 */
public class Predictor {

    private final ModelHolder holder;
    private final ChallengerRouter router;
    private final ShadowBudget shadowBudget;
    private final Counter shadowSkipped;
    private final PredictionLogBuffer logBuffer;
    private final Meter.MeterProvider<DistributionSummary> predicted;
    private final Clock clock;
    private final String modelName;
    private final RecentDemand demand;
    private final IntervalCalibration calibration;

    Predictor(
            ModelHolder holder,
            ChallengerRouter router,
            ShadowBudget shadowBudget,
            PredictionLogBuffer logBuffer,
            MeterRegistry meters,
            Clock clock,
            String modelName,
            RecentDemand demand,
            IntervalCalibration calibration) {
        this.holder = holder;
        this.demand = demand;
        this.calibration = calibration;
        this.router = router;
        this.shadowBudget = shadowBudget;
        this.shadowSkipped = Counter.builder("bikecast.prediction.shadow.skipped")
                .description("Requests the challenger did not shadow because the shadow budget was spent")
                .register(meters);
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
        boolean challengerAnswers =
                requireChampion(models).challenger() != null && router.routeToChallenger(input.clientKey());
        return answer(models, input, challengerAnswers);
    }

    /**
     * Predicts the hours of one forecast from the given snapshot, which must have a champion: every hour by the same
     * model version, champion or (for its A/B share) challenger.
     */
    public List<Answer> forecast(ServingModels models, List<PredictionInput> hours) {
        boolean challengerAnswers = requireChampion(models).challenger() != null && router.routeToChallenger(null);
        List<Answer> answers = new ArrayList<>(hours.size());
        for (PredictionInput hour : hours) {
            answers.add(answer(models, hour, challengerAnswers));
        }
        return answers;
    }

    private Answer answer(ServingModels models, PredictionInput input, boolean challengerAnswers) {
        ServedModel champion = models.champion();
        ServedModel challenger = models.challenger();
        if (champion == null) {
            throw new NoChampionException(modelName);
        }
        ServedModel model = challengerAnswers ? challenger : champion;
        ServedBy servedBy = challengerAnswers ? ServedBy.CHALLENGER : ServedBy.CHAMPION;
        Issue issue = Issue.of(input, demand);
        Served served = serve(model, input, issue);
        UUID predictionId = UUID.randomUUID();
        Instant now = clock.instant();
        log(predictionId, input, model, servedBy, served, false, now);
        if (challenger != null && router.mode() == ChallengerMode.SHADOW && shadowed()) {
            log(
                    shadowId(predictionId),
                    input,
                    challenger,
                    ServedBy.CHALLENGER,
                    serve(challenger, input, issue),
                    true,
                    now);
        }
        return new Answer(predictionId, input, model, servedBy, served.output(), served.horizon());
    }

    /**
     * The model's answer: the model of the issue's horizon with the history it may read (the series' demand as of the
     * issue time, nothing later), or the model without history when there is no issue time, no lead covers the
     * horizon, or none of the lead's history features is known (a new series, a gap, the demand not yet rebuilt).
     */
    private Served serve(ServedModel model, PredictionInput input, @Nullable Issue issue) {
        if (issue == null) {
            return new Served(
                    model.withoutHistory().predict(ServingVector.withoutHistory(input.features())), Horizon.NONE);
        }
        ServedLead lead = model.forHorizon(issue.horizonHours());
        if (lead.usesHistory() && input.hour() != null) {
            double[] history =
                    HistoryFeatures.vector(input.hour(), lead.lead(), demand.asOf(input.seriesId(), issue.issuedAt()));
            if (anyKnown(history)) {
                String seriesId = input.seriesId().value();
                ModelOutput output = lead.predict(
                        ServingVector.of(input.features(), history),
                        calibration.scale(model.version(), seriesId, lead.lead()));
                if (issue.horizonHours() == lead.lead()) {
                    calibration.served(
                            model.version(), seriesId, input.hour(), lead.lead(), output.lower(), output.upper());
                }
                return new Served(output, new Horizon(issue.issuedAt(), issue.horizonHours(), lead.lead(), history));
            }
        }
        return new Served(
                model.withoutHistory().predict(ServingVector.withoutHistory(input.features())),
                new Horizon(issue.issuedAt(), issue.horizonHours(), 0, null));
    }

    private static boolean anyKnown(double[] history) {
        for (double value : history) {
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean shadowed() {
        if (shadowBudget.tryTake()) {
            return true;
        }
        shadowSkipped.increment();
        return false;
    }

    /** One model's answer and how it was made. */
    private record Served(ModelOutput output, Horizon horizon) {}

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
            Served served,
            boolean shadow,
            Instant at) {
        ModelOutput output = served.output();
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
                at,
                served.horizon().issuedAt(),
                served.horizon().horizonHours()));
    }
}
