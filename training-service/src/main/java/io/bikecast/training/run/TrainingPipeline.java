package io.bikecast.training.run;

import io.bikecast.common.registry.ModelArtifacts;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.DatasetVersion;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.ProvenanceJson;
import io.bikecast.training.forest.ReferenceSamples;
import io.bikecast.training.forest.TrainingSets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.json.JsonMapper;

/** Reads the window, splits it in time, trains the forest, scores it on the holdout, and packs the artifact. */
@Component
public class TrainingPipeline {

    private final ObservationReader observations;
    private final TrainingProperties properties;
    private final ParallelForestTrainer trainer;
    private final JsonMapper json;

    public TrainingPipeline(ObservationReader observations, TrainingProperties properties, JsonMapper json) {
        this.observations = observations;
        this.properties = properties;
        this.trainer = new ParallelForestTrainer(properties.effectiveThreads());
        this.json = json;
    }

    /**
     * Trains one model.
     *
     * @throws TrainingException if the data cannot support a run (none, too few rows, an empty holdout)
     */
    public TrainedModel train(RunSettings settings) {
        String series = properties.seriesId();
        LocalDateTime latest = observations
                .latestHour(series)
                .orElseThrow(() -> new TrainingException(
                        "ingest.observation holds no hours of series '" + series + "': ingest data before training"));
        LocalDateTime windowStart = settings.windowDays() == null
                ? null
                : latest.toLocalDate()
                        .plusDays(1)
                        .minusDays(settings.windowDays())
                        .atStartOfDay();
        List<TrainingRow> rows = observations.read(series, windowStart);
        LocalDateTime holdoutStart = settings.holdoutStart() != null
                ? settings.holdoutStart()
                : latest.toLocalDate()
                        .plusDays(1)
                        .minusDays(settings.holdoutDays())
                        .atStartOfDay();
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
        Model<Regressor> model = trainer.train(
                TrainingSets.of(split.training(), "ingest.observation series=" + series + " version=" + datasetVersion),
                settings.forest());
        byte[] artifact = ModelArtifacts.write(model);
        return new TrainedModel(
                settings,
                split,
                datasetVersion,
                model,
                Evaluation.metrics(model, split.holdout()),
                ReferenceSamples.of(model, split.training(), properties.referenceSampleSize()),
                artifact,
                ModelArtifacts.sha256(artifact),
                rawSize(model),
                ProvenanceJson.of(model, json));
    }

    private static long rawSize(Model<Regressor> model) {
        CountingStream counter = new CountingStream();
        try {
            model.serialize().writeTo(counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /** Counts bytes without keeping them: the raw protobuf of a forest can be hundreds of megabytes. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
