package io.bikecast.training.forecast;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Fits Tribuo's gradient-boosted trees with squared error, XGBoost's histogram tree method on one thread.
 *
 * <p>Why (BoostingFitBenchmark, 14,491 hours, 19 features, 500 rounds, on the shared 2-core machine): the exact method
 * takes 9–10 s a fit, and on two threads, with the cores shared, anywhere from 10 to 116 s; the histogram method takes
 * 1.2 s on one thread for an RMSE 1.0 (next hour) to 1.6 (day ahead) higher. A run makes fifteen fits (five leads;
 * calibration, evaluation and served fit), so only the histogram method keeps a run of the default settings within a
 * minute here; one thread keeps it from fighting other processes for the cores.
 */
final class BoostingTrainer {

    private BoostingTrainer() {}

    static Model<Regressor> train(Dataset<Regressor> data, BoostingParameters parameters) {
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(
                XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST,
                XGBoostRegressionTrainer.RegressionType.LINEAR,
                parameters.rounds(),
                parameters.eta(),
                0,
                parameters.maxDepth(),
                parameters.minChildWeight(),
                parameters.subsample(),
                parameters.featureSubsample(),
                1,
                0,
                1,
                XGBoostTrainer.LoggingVerbosity.SILENT,
                parameters.seed());
        XGBoostModel<Regressor> model = (XGBoostModel<Regressor>) trainer.train(data);
        model.setNumThreads(1);
        return model;
    }
}
