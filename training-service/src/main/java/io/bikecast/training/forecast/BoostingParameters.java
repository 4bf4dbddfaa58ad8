package io.bikecast.training.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The hyper-parameters of Tribuo's gradient-boosted trees (XGBoost, squared error, the histogram tree method).
 *
 * @param rounds the number of boosting rounds (trees)
 * @param eta the learning rate
 * @param maxDepth the deepest a tree may grow
 * @param minChildWeight the smallest hessian sum (for squared error: rows) a leaf may hold
 * @param subsample the share of rows each tree sees, in (0, 1]
 * @param featureSubsample the share of features each tree sees, in (0, 1]
 * @param seed the seed of the subsampling: the same data and seed give the same trees
 */
public record BoostingParameters(
        int rounds,
        double eta,
        int maxDepth,
        double minChildWeight,
        double subsample,
        double featureSubsample,
        long seed) {

    /**
     * The defaults, measured with {@code ForecastCandidatesBenchmark} (docs/training-service.md): 500 rounds of depth 6
     * at η 0.05 on log1p, RMSE 43.2 one hour ahead and 61.9 a day ahead on September–December 2012 with the exact tree
     * method; with the histogram method a run uses (BoostingFitBenchmark), 44.2 and 63.5.
     */
    public static final BoostingParameters DEFAULTS = new BoostingParameters(500, 0.05, 6, 20, 0.8, 0.8, 42L);

    /** Every violated constraint, as {@code "field: reason"}; empty when the parameters are usable. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        if (rounds < 1 || rounds > 5000) {
            violations.add("boosting.rounds: must be from 1 to 5000 but was " + rounds);
        }
        if (!(eta > 0 && eta <= 1)) {
            violations.add("boosting.eta: must be above 0 and at most 1 but was " + eta);
        }
        if (maxDepth < 1 || maxDepth > 16) {
            violations.add("boosting.maxDepth: must be from 1 to 16 but was " + maxDepth);
        }
        if (!(minChildWeight >= 0)) {
            violations.add("boosting.minChildWeight: must be zero or more but was " + minChildWeight);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            violations.add("boosting.subsample: must be above 0 and at most 1 but was " + subsample);
        }
        if (!(featureSubsample > 0 && featureSubsample <= 1)) {
            violations.add("boosting.featureSubsample: must be above 0 and at most 1 but was " + featureSubsample);
        }
        return violations;
    }
}
