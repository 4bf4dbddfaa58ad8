package io.bikecast.prediction.model;

import io.bikecast.model.CompiledBoostedTrees;

/**
 * Gradient-boosted trees served from model-codec's {@link CompiledBoostedTrees}, which reads the {@link ServingVector}
 * as it is (NaN goes where the tree learnt missing values go). Boosting has no spread of members to give an interval:
 * its interval comes from the calibrated offsets of its {@link ServedLead}.
 */
final class CompiledBoosting implements LeadEngine {

    private final CompiledBoostedTrees trees;

    CompiledBoosting(CompiledBoostedTrees trees) {
        this.trees = trees;
    }

    @Override
    public ModelOutput predict(double[] vector) {
        return new ModelOutput(trees.predict(vector), Double.NaN, Double.NaN);
    }

    @Override
    public int members() {
        return trees.trees();
    }

    @Override
    public String engine() {
        return "compiled";
    }
}
