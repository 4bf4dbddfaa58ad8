package io.bikecast.training.run;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.DatasetVersion;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.ArtifactPacker;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.ProvenanceJson;
import io.bikecast.training.forest.ReferenceSamples;
import io.bikecast.training.forest.TrainingSets;
import io.bikecast.training.promotion.ChampionFit;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the window and splits it in time; fits the forest on the hours before the holdout and scores it on the holdout
 * (the evaluation fit, whose metrics the version keeps); refits the same parameters and seed on the whole window (the
 * served fit, which is stored and served, so that what is served has learned the newest hours); and packs the artifact
 * and the reference sample of the served fit. Each fit's size is checked against {@link ModelSizeLimits} as soon as it
 * is grown, so a request for a forest too large to serve fails before the refit, and before anything is registered.
 */
@Component
class TrainingPipeline {

    private final ObservationReader observations;
    private final TrainingProperties properties;
    private final ParallelForestTrainer trainer;
    private final ModelSizeLimits limits;
    private final JsonMapper json;

    TrainingPipeline(ObservationReader observations, TrainingProperties properties, JsonMapper json) {
        this.observations = observations;
        this.properties = properties;
        this.trainer = new ParallelForestTrainer(properties.effectiveThreads());
        this.limits = new ModelSizeLimits(properties);
        this.json = json;
    }

    /**
     * Trains one model.
     *
     * @throws TrainingException if the data cannot support a run (none, too few rows, an empty holdout)
     * @throws ModelTooLargeException if a fit is larger than the limits
     */
    TrainedModel train(RunSettings settings) {
        return train(settings, Optional.empty(), new PhaseTimer());
    }

    /**
     * Trains one model whose holdout begins after the champion's served fit ended ({@link HoldoutStart}).
     *
     * @param champion the champion's served fit, if there is a champion
     */
    TrainedModel train(RunSettings settings, Optional<ChampionFit> champion, PhaseTimer timer) {
        String series = properties.seriesId();
        LocalDateTime latest = observations
                .latestHour(series)
                .orElseThrow(() -> new TrainingException(
                        "the ingest service holds no hours of series '" + series + "': ingest data before training"));
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
        timer.lap("read");
        double[] holdoutPredictions = evaluationFitPredictions(split, source, settings, champion, timer);
        double[] holdoutActual =
                split.holdout().stream().mapToDouble(TrainingRow::count).toArray();
        ModelMetrics metrics = Evaluation.metrics(holdoutActual, holdoutPredictions);
        timer.lap("evaluate");
        Model<Regressor> served = trainer.train(TrainingSets.of(rows, source), settings.forest());
        long treeNodes = limits.checkNodes("served fit", served);
        timer.lap("refit");
        // The reference sample's predictions only read the model: they run beside the serialization, which is single
        // threaded (gzip), instead of after it.
        ReferenceSample referenceSample;
        ArtifactPacker.Packed artifact;
        try (ExecutorService side = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("reference-sample").daemon(true).factory())) {
            CompletableFuture<ReferenceSample> sample = CompletableFuture.supplyAsync(
                    () -> ReferenceSamples.of(served, rows, properties.referenceSampleSize()), side);
            artifact = ArtifactPacker.pack(served);
            referenceSample = join(sample);
        }
        limits.checkArtifact(artifact.bytes().length);
        String sha256 = ModelArtifacts.sha256(artifact.bytes());
        timer.lap("serialize and reference sample");
        String provenance = ProvenanceJson.of(served, json);
        timer.lap("provenance");
        return new TrainedModel(
                settings,
                split,
                datasetVersion,
                served,
                new ServedFit(rows.getFirst().hour(), rows.getLast().hour(), rows.size()),
                metrics,
                holdoutPredictions,
                referenceSample,
                artifact.bytes(),
                sha256,
                artifact.rawBytes(),
                treeNodes,
                provenance);
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

    /**
     * Fits on the hours before the holdout and predicts the holdout. Only the predictions leave this method, so the
     * evaluation fit (hundreds of megabytes for the default forest) can be collected before the refit grows.
     *
     * <p>When the champion's served fit learned exactly these hours (same checksum) with the same parameters and seed,
     * training them again would grow the same forest: the champion is the evaluation fit. That is the common case of
     * a scheduled refresh, whose holdout begins where the champion's fit ended, and it halves the run.
     */
    private double[] evaluationFitPredictions(
            TimeSplit split, String source, RunSettings settings, Optional<ChampionFit> champion, PhaseTimer timer) {
        Optional<ChampionFit> same = champion.filter(fit -> settings.forest().equals(fit.forest())
                && DatasetVersion.of(split.training()).equals(fit.datasetVersion()));
        if (same.isPresent()) {
            double[] predictions = Evaluation.predict(same.get().model().get(), split.holdout());
            timer.lap("fit (the champion v" + same.get().version() + ": the same hours and parameters)");
            return predictions;
        }
        Model<Regressor> evaluationFit = trainer.train(
                TrainingSets.of(split.training(), source + " before " + split.holdoutStart()), settings.forest());
        limits.checkNodes("evaluation fit", evaluationFit);
        timer.lap("fit");
        return Evaluation.predict(evaluationFit, split.holdout());
    }
}
