package io.bikecast.training.run;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.training.data.TimeSplit;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * The outcome of the training part of a run, before the registry decides what becomes of it. A run fits twice with the
 * same parameters and seed: the evaluation fit learns from the hours before the holdout and is scored on the holdout
 * ({@code metrics}, {@code holdoutPredictions}); the served fit learns from the whole window and is what is stored and
 * served ({@code model}, the artifact, the reference sample).
 *
 * @param model the served fit
 * @param servedFit the hours the served fit learned from
 * @param metrics the evaluation fit's metrics on the holdout: the version's metrics
 * @param holdoutPredictions the evaluation fit's prediction for each hour of {@code split.holdout()}, in order
 * @param referenceSample rows of the whole window with their hours and the served fit's predictions
 * @param artifact the stored form of the served fit ({@link io.bikecast.model.ModelArtifacts}), gzip protobuf
 * @param artifactRawBytes the size of the uncompressed protobuf
 * @param treeNodes the nodes of all the served fit's trees, within {@link ModelSizeLimits}
 * @param provenance Tribuo's provenance of the served fit as compact JSON
 */
record TrainedModel(
        RunSettings settings,
        TimeSplit split,
        String datasetVersion,
        Model<Regressor> model,
        ServedFit servedFit,
        ModelMetrics metrics,
        double[] holdoutPredictions,
        ReferenceSample referenceSample,
        byte[] artifact,
        String artifactSha256,
        long artifactRawBytes,
        long treeNodes,
        String provenance) {}
