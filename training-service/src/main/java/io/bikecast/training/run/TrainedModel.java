package io.bikecast.training.run;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.Forecaster;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forecast.CandidateEvaluation;
import io.bikecast.training.forecast.WindowHistory;
import java.util.List;

/**
 * The outcome of the training part of a run, before the registry decides what becomes of it. Each candidate recipe's
 * evaluation fit learned the hours before the holdout and was scored on the holdout; the better one ({@code chosen})
 * was refitted on the whole window, and that served fit is what is stored and served ({@code forecaster}, the
 * artifact, the reference sample).
 *
 * @param history the window's demand, which the history features of every hour read
 * @param forecaster the served fit of the chosen recipe
 * @param servedFit the hours the served fit learned from
 * @param candidates every candidate's evaluation, in the configured order
 * @param chosen the candidate with the lowest score: its metrics and holdout forecasts are the version's
 * @param referenceSample rows of the whole window with their hours and the served lead-0 model's forecasts
 * @param artifact the stored form of the served fit ({@link io.bikecast.model.ForecasterArtifacts})
 * @param artifactRawBytes the size of the uncompressed Tribuo protobufs it holds
 * @param treeNodes the nodes of all the served fit's trees, within {@link ModelSizeLimits}
 * @param provenance Tribuo's provenance of each served model as compact JSON, by lead
 */
record TrainedModel(
        RunSettings settings,
        TimeSplit split,
        String datasetVersion,
        WindowHistory history,
        Forecaster forecaster,
        ServedFit servedFit,
        List<CandidateEvaluation> candidates,
        CandidateEvaluation chosen,
        ReferenceSample referenceSample,
        byte[] artifact,
        String artifactSha256,
        long artifactRawBytes,
        long treeNodes,
        String provenance) {

    /** The version's metrics: the chosen evaluation fit's, the mean over its leads with history. */
    ModelMetrics metrics() {
        return chosen.metrics();
    }
}
