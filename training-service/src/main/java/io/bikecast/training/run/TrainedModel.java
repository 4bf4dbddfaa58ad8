package io.bikecast.training.run;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.training.data.TimeSplit;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * The outcome of the training part of a run, before the registry decides what becomes of it.
 *
 * @param artifact the stored form ({@link io.bikecast.common.registry.ModelArtifacts}), gzip protobuf
 * @param artifactRawBytes the size of the uncompressed protobuf
 * @param provenance Tribuo's provenance as compact JSON
 */
public record TrainedModel(
        RunSettings settings,
        TimeSplit split,
        String datasetVersion,
        Model<Regressor> model,
        ModelMetrics metrics,
        ReferenceSample referenceSample,
        byte[] artifact,
        String artifactSha256,
        long artifactRawBytes,
        String provenance) {}
