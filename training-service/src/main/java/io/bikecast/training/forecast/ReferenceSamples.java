package io.bikecast.training.forecast;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.Forecaster;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the reference sample stored with a version: rows of the served fit spread evenly over time, with their hours,
 * their UCI features and the forecasts of the served model without history. Drift is measured on the weather and
 * calendar inputs, which every lead shares; the model without history is the one that answers for any of them.
 */
public final class ReferenceSamples {

    private ReferenceSamples() {}

    /**
     * Up to {@code size} rows taken at an even stride over {@code rows} (so every season of the window is present, and
     * the same rows are taken for the same data), their hours, their features and the lead-0 model's forecasts (counts)
     * for them.
     */
    public static ReferenceSample of(Forecaster forecaster, List<TrainingRow> rows, int size) {
        List<TrainingRow> sample = new ArrayList<>();
        if (rows.size() <= size) {
            sample.addAll(rows);
        } else {
            for (int i = 0; i < size; i++) {
                sample.add(rows.get((int) ((long) i * rows.size() / size)));
            }
        }
        String[] names = FeatureSchema.featureNames();
        double[][] columns = new double[names.length][sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            double[] vector = sample.get(i).features().toVector();
            for (int f = 0; f < names.length; f++) {
                columns[f][i] = vector[f];
            }
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        for (int f = 0; f < names.length; f++) {
            features.put(names[f], columns[f]);
        }
        List<LocalDateTime> hours = sample.stream().map(TrainingRow::hour).toList();
        double[] predictions = Forecasts.raw(forecaster.withoutHistoryModel(), sample, hour -> {
            throw new IllegalStateException("the model without history read the demand at " + hour);
        });
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = forecaster.target().toCount(predictions[i]);
        }
        return new ReferenceSample(features, predictions, hours);
    }
}
