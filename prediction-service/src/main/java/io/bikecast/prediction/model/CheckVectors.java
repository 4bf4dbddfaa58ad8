package io.bikecast.prediction.model;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vectors a compiled engine must predict as Tribuo does before it is served: rows of the version's reference
 * sample (the weather and calendar it was trained on), in turn with every history feature missing, with demand-like
 * history (taken from the sample's predictions, so it spans the levels the model knows), and with a few features
 * missing among known ones, so that both sides of the missing-value rule are walked.
 */
final class CheckVectors {

    private CheckVectors() {}

    static List<double[]> of(ReferenceSample reference, int rows) {
        String[] names = FeatureSchema.featureNames();
        int n = Math.min(reference.size(), rows);
        double[] predictions = reference.predictions();
        List<double[]> vectors = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            double[] x = new double[ServingVector.NAMES.length];
            for (int f = 0; f < names.length; f++) {
                x[f] = reference.values(names[f])[row];
            }
            Arrays.fill(x, ServingVector.HISTORY_START, x.length, Double.NaN);
            if (row % 3 != 0 && predictions.length > 0) {
                for (int h = ServingVector.HISTORY_START; h < x.length; h++) {
                    boolean missing = row % 3 == 2 && (row + h) % 4 == 0;
                    x[h] = missing ? Double.NaN : predictions[(row * 7 + h * 13) % predictions.length];
                }
            }
            vectors.add(x);
        }
        return vectors;
    }
}
