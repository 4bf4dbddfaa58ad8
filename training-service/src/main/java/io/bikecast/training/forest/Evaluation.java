package io.bikecast.training.forest;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.FeatureExamples;
import io.bikecast.training.data.TrainingRow;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/** Scores a model on rows it did not learn from. */
public final class Evaluation {

    /** A prediction counts as close when within this share of the actual count. */
    public static final double CLOSE_SHARE = 0.20;

    private Evaluation() {}

    /** The model's predictions for the rows, in row order. */
    public static double[] predict(Model<Regressor> model, List<TrainingRow> rows) {
        List<Example<Regressor>> examples = new ArrayList<>(rows.size());
        rows.forEach(row -> examples.add(FeatureExamples.unlabelledExample(row.features())));
        List<Prediction<Regressor>> predictions = model.predict(examples);
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return values;
    }

    public static ModelMetrics metrics(Model<Regressor> model, List<TrainingRow> rows) {
        double[] actual = rows.stream().mapToDouble(TrainingRow::count).toArray();
        return metrics(actual, predict(model, rows));
    }

    /**
     * RMSE, MAE, R² and the share of hours predicted within ±20% of the actual count (an hour with no rentals counts
     * as close only when the prediction is below one rental).
     */
    public static ModelMetrics metrics(double[] actual, double[] predicted) {
        if (actual.length == 0 || actual.length != predicted.length) {
            throw new IllegalArgumentException("need as many predictions as actual values, and at least one: "
                    + actual.length + " vs " + predicted.length);
        }
        int n = actual.length;
        double mean = 0;
        for (double value : actual) {
            mean += value / n;
        }
        double squared = 0;
        double absolute = 0;
        double total = 0;
        int close = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
            if (actual[i] == 0 ? Math.abs(predicted[i]) < 1 : Math.abs(error) <= CLOSE_SHARE * actual[i]) {
                close++;
            }
        }
        double r2 = total == 0 ? 0 : 1 - squared / total;
        return new ModelMetrics(Math.sqrt(squared / n), absolute / n, r2, (double) close / n);
    }
}
