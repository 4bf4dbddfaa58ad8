package io.bikecast.prediction.model;

import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Predicts through Tribuo itself: the fallback for a model no compiled engine can flatten, or whose compiled form
 * disagreed with Tribuo. A missing history feature is left out of the example, as training left it out. The spread
 * comes from an ensemble's members ({@link EnsembleModel#getModels()}); any other model has none.
 */
final class TribuoPredictor implements LeadEngine {

    private final Model<Regressor> model;
    private final List<Model<Regressor>> members;

    TribuoPredictor(Model<Regressor> model) {
        this.model = model;
        this.members = model instanceof EnsembleModel<Regressor> ensemble ? ensemble.getModels() : List.of();
    }

    @Override
    public ModelOutput predict(double[] vector) {
        Example<Regressor> example = example(vector);
        double raw = model.predict(example).getOutput().getValues()[0];
        if (members.isEmpty()) {
            return new ModelOutput(raw, Double.NaN, Double.NaN);
        }
        double[] outputs = new double[members.size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = members.get(i).predict(example).getOutput().getValues()[0];
        }
        Arrays.sort(outputs);
        return new ModelOutput(
                raw,
                Percentiles.ofSorted(outputs, Percentiles.LOWER),
                Percentiles.ofSorted(outputs, Percentiles.UPPER));
    }

    /** What Tribuo predicts for a vector: its known values by name, the missing ones absent. */
    static double predict(Model<Regressor> model, double[] vector) {
        return model.predict(example(vector)).getOutput().getValues()[0];
    }

    private static Example<Regressor> example(double[] vector) {
        String[] names = new String[vector.length];
        double[] values = new double[vector.length];
        int known = 0;
        for (int i = 0; i < vector.length; i++) {
            if (!Double.isNaN(vector[i])) {
                names[known] = ServingVector.NAMES[i];
                values[known] = vector[i];
                known++;
            }
        }
        return new ArrayExample<>(
                RegressionFactory.UNKNOWN_REGRESSOR, Arrays.copyOf(names, known), Arrays.copyOf(values, known));
    }

    @Override
    public int members() {
        return members.size();
    }

    @Override
    public String engine() {
        return "tribuo";
    }
}
