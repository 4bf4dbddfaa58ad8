package io.bikecast.prediction.model;

import io.bikecast.common.features.FeatureSchema;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Predicts through Tribuo itself: the fallback for a model {@link CompiledForest} cannot flatten. The interval comes
 * from the ensemble's members ({@link EnsembleModel#getModels()}); a model that is not an ensemble has none.
 */
final class TribuoPredictor implements TreeEnsemblePredictor {

    private final Model<Regressor> model;
    private final List<Model<Regressor>> members;
    private final String[] names = FeatureSchema.featureNames();

    TribuoPredictor(Model<Regressor> model) {
        this.model = model;
        this.members = model instanceof EnsembleModel<Regressor> ensemble ? ensemble.getModels() : List.of();
    }

    @Override
    public ModelOutput predict(double[] features) {
        ArrayExample<Regressor> example = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, features);
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

    @Override
    public int members() {
        return members.size();
    }

    @Override
    public String engine() {
        return "tribuo";
    }
}
