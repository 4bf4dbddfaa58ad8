package io.bikecast.training.forest;

import java.util.ArrayList;
import java.util.List;

/**
 * The hyper-parameters of a random forest of CART regression trees.
 *
 * @param trees the number of trees
 * @param maxDepth the deepest a tree may grow
 * @param minChildWeight the smallest number of (bootstrap-weighted) rows a leaf may hold
 * @param minImpurityDecrease the smallest decrease in squared error a split must bring
 * @param featureFraction the share of the 12 features drawn at random for each split, in (0, 1): Tribuo refuses 1, so
 *     0.99 means "all features" (with 12 features, 0.99 draws all 12; 0.33 draws 4)
 * @param seed the seed of every random choice: the same data and seed give the same forest
 * @param shards how many independently seeded sub-forests the trees are split into so that they train in parallel;
 *     part of the model's identity (the same seed with another shard count gives other trees), not of the machine
 */
public record ForestParameters(
        int trees,
        int maxDepth,
        float minChildWeight,
        float minImpurityDecrease,
        float featureFraction,
        long seed,
        int shards) {

    /**
     * The defaults, chosen with {@code ForestAccuracyBenchmark} and {@code ForestSeedBenchmark} (see
     * docs/training-service.md): 100 trees of unlimited depth (64) over all 12 features per split, leaves of at least 5
     * rows. As accurate as scikit-learn's default forest on the same splits (time split RMSE 74.1 mean over five seeds
     * for both), a third smaller than leaves of one row at the same accuracy.
     */
    public static final ForestParameters DEFAULTS = new ForestParameters(100, 64, 5f, 0f, 0.99f, 42L, 8);

    /** Every violated constraint, as {@code "field: reason"}; empty when the parameters are usable. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        if (trees < 2 || trees > 2000) {
            violations.add("trees: must be from 2 to 2000 but was " + trees);
        }
        if (maxDepth < 1 || maxDepth > 64) {
            violations.add("maxDepth: must be from 1 to 64 but was " + maxDepth);
        }
        if (!(minChildWeight > 0)) {
            violations.add("minChildWeight: must be positive but was " + minChildWeight);
        }
        if (!(minImpurityDecrease >= 0)) {
            violations.add("minImpurityDecrease: must be zero or more but was " + minImpurityDecrease);
        }
        if (!(featureFraction > 0 && featureFraction < 1)) {
            violations.add(
                    "featureFraction: must be above 0 and below 1 (0.99 = all features) but was " + featureFraction);
        }
        if (shards < 1 || shards > trees) {
            violations.add("shards: must be from 1 to the number of trees but was " + shards);
        }
        return violations;
    }

    /** Throws {@link IllegalArgumentException} naming every violation, if any. */
    public ForestParameters validated() {
        List<String> violations = violations();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", violations));
        }
        return this;
    }
}
