package io.bikecast.training.run;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.DatasetVersion;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.SeriesSelection;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.CandidateEvaluation;
import io.bikecast.training.forecast.ForecasterTrainer;
import io.bikecast.training.forecast.Recipe;
import io.bikecast.training.forecast.ReferenceSamples;
import io.bikecast.training.forecast.WindowHistory;
import io.bikecast.training.forest.ProvenanceJson;
import io.bikecast.training.promotion.ChampionFit;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the window and splits it in time; for each candidate recipe fits a forecaster (one model per lead, with the
 * history features of that lead read from the window's own observations) on the hours before the holdout and scores
 * each lead on the holdout (the evaluation fit, with split-conformal intervals); chooses the candidate with the lowest
 * mean RMSE over the leads with history; refits that recipe on the whole window (the served fit, which is stored and
 * served, so that what is served has learned the newest hours); and packs the artifact and the reference sample of
 * the served fit. The forecaster's size is checked against {@link ModelSizeLimits} as each model is grown, so a request
 * for a forest too large to serve fails before the next fit, and before anything is registered.
 */
@Component
class TrainingPipeline {

    private final ObservationReader observations;
    private final TrainingProperties properties;
    private final ForecasterTrainer trainer;
    private final ModelSizeLimits limits;
    private final JsonMapper json;

    TrainingPipeline(ObservationReader observations, TrainingProperties properties, JsonMapper json) {
        this.observations = observations;
        this.properties = properties;
        this.trainer = new ForecasterTrainer(properties.effectiveThreads());
        this.limits = new ModelSizeLimits(properties);
        this.json = json;
    }

    /**
     * Trains one forecaster.
     *
     * @throws TrainingException if the data cannot support a run (none, too few rows, an empty holdout)
     * @throws ModelTooLargeException if a fit is larger than the limits
     */
    TrainedModel train(RunSettings settings) {
        return train(properties.series(), settings, Optional.empty(), new PhaseTimer());
    }

    /**
     * Trains one forecaster whose holdout begins after the champion's served fit ended ({@link HoldoutStart}).
     *
     * @param series the series the model learns from
     * @param champion the champion's served fit, if there is a champion
     */
    TrainedModel train(SeriesSelection series, RunSettings settings, Optional<ChampionFit> champion, PhaseTimer timer) {
        LocalDateTime latest = observations
                .latestHour(series)
                .orElseThrow(() -> new TrainingException("the ingest service holds no hours of series '" + series
                        + "' (bikecast.training.series-id): ingest data before training"));
        LocalDateTime windowStart = settings.windowDays() == null
                ? null
                : latest.toLocalDate()
                        .plusDays(1)
                        .minusDays(settings.windowDays())
                        .atStartOfDay();
        List<TrainingRow> rows = observations.read(series, windowStart);
        LocalDateTime holdoutStart = HoldoutStart.of(
                latest,
                settings,
                champion.map(ChampionFit::trainedThrough),
                properties.window().minHoldoutHours());
        TimeSplit split;
        try {
            split = TimeSplit.at(rows, holdoutStart);
        } catch (IllegalArgumentException e) {
            throw new TrainingException("cannot split the window at " + holdoutStart + ": " + e.getMessage());
        }
        if (split.training().size() < properties.minTrainingRows()) {
            throw new TrainingException(
                    "the training part has " + split.training().size()
                            + " hours, fewer than the " + properties.minTrainingRows()
                            + " required (bikecast.training.min-training-rows)");
        }
        String datasetVersion = DatasetVersion.of(rows);
        String source = "ingest-service series=" + series + " version=" + datasetVersion;
        WindowHistory history = WindowHistory.of(rows);
        timer.lap("read");
        List<CandidateEvaluation> candidates = new ArrayList<>();
        for (Recipe recipe : settings.recipes()) {
            candidates.add(evaluate(recipe, split, history, source, champion, timer));
        }
        CandidateEvaluation chosen = CandidateEvaluation.best(candidates);
        Forecaster served = trainer.fitServed(chosen, rows, history, source, limits::checkNodes);
        long treeNodes = ForecasterTrainer.nodes(served);
        timer.lap("refit " + chosen.recipe().algorithm().id());
        // The reference sample's predictions only read the models: they run beside the serialization instead of after.
        ReferenceSample referenceSample;
        PackedForecaster artifact;
        try (ExecutorService side = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("reference-sample").daemon(true).factory())) {
            CompletableFuture<ReferenceSample> sample = CompletableFuture.supplyAsync(
                    () -> ReferenceSamples.of(served, rows, properties.referenceSampleSize()), side);
            artifact = PackedForecaster.of(served);
            referenceSample = join(sample);
        }
        limits.checkArtifact(artifact.bytes().length);
        String sha256 = ModelArtifacts.sha256(artifact.bytes());
        timer.lap("serialize and reference sample");
        String provenance = provenance(served);
        timer.lap("provenance");
        return new TrainedModel(
                settings,
                split,
                datasetVersion,
                history,
                served,
                new ServedFit(rows.getFirst().hour(), rows.getLast().hour(), rows.size()),
                candidates,
                chosen,
                referenceSample,
                artifact.bytes(),
                sha256,
                artifact.rawBytes(),
                treeNodes,
                provenance);
    }

    /**
     * The recipe's evaluation fit, scored on the holdout. Only scores and forecasts leave it, so its models can be
     * collected before the next grows.
     *
     * <p>When the champion's served fit learned exactly these hours (same checksum) with the same recipe (algorithm,
     * parameters, target and calibration), fitting them again would make the same forecaster: the champion is the
     * evaluation fit. That is the common case of a scheduled refresh, whose holdout begins where the champion's fit
     * ended, and it spares the run all but the served fit.
     */
    private CandidateEvaluation evaluate(
            Recipe recipe,
            TimeSplit split,
            WindowHistory history,
            String source,
            Optional<ChampionFit> champion,
            PhaseTimer timer) {
        Optional<ChampionFit> same = champion.filter(fit -> recipe.sameAs(fit.recipe())
                && DatasetVersion.of(split.training()).equals(fit.datasetVersion()));
        if (same.isPresent()) {
            CandidateEvaluation evaluated = trainer.evaluateChampion(
                    recipe, same.get().version(), same.get().forecaster().get(), split, history);
            timer.lap("fit " + recipe.algorithm().id() + " (the champion v"
                    + same.get().version() + ": the same hours and recipe)");
            return evaluated;
        }
        CandidateEvaluation evaluated = trainer.evaluate(recipe, split, history, source, limits::checkNodes);
        timer.lap("fit and calibrate " + recipe.algorithm().id());
        return evaluated;
    }

    private String provenance(Forecaster forecaster) {
        ObjectNode byLead = json.createObjectNode();
        for (LeadModel model : forecaster.models()) {
            byLead.set("lead-" + model.lead(), json.readTree(ProvenanceJson.of(model.model(), json)));
        }
        return json.writeValueAsString(byLead);
    }

    private static ReferenceSample join(CompletableFuture<ReferenceSample> sample) {
        try {
            return sample.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
