package io.bikecast.training.forecast;

import io.bikecast.training.forest.ForestSize;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/**
 * The size of one model of a forecaster as a loader pays for it: its trees and their nodes, for forests and boosted
 * trees alike.
 */
final class ModelSize {

    private ModelSize() {}

    static long nodes(Model<Regressor> model) {
        if (model instanceof XGBoostModel<Regressor> boosted) {
            long nodes = 0;
            for (String tree : dump(boosted)) {
                nodes += tree.lines().filter(line -> !line.isBlank()).count();
            }
            return nodes;
        }
        return ForestSize.nodes(model);
    }

    static int trees(Model<Regressor> model) {
        if (model instanceof XGBoostModel<Regressor> boosted) {
            return dump(boosted).length;
        }
        return ForestSize.trees(model);
    }

    private static String[] dump(XGBoostModel<Regressor> boosted) {
        try {
            String[] trees = new String[0];
            for (Booster booster : boosted.getInnerModels()) {
                String[] more = booster.getModelDump((String) null, false, "text");
                String[] all = new String[trees.length + more.length];
                System.arraycopy(trees, 0, all, 0, trees.length);
                System.arraycopy(more, 0, all, trees.length, more.length);
                trees = all;
            }
            return trees;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not describe the trees it fitted: " + e.getMessage(), e);
        }
    }
}
