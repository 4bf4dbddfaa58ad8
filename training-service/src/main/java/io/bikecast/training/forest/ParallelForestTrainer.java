package io.bikecast.training.forest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Trains a random forest on several cores. Tribuo 4.3 grows a forest's trees one after another; this splits the trees
 * into {@link ForestParameters#shards()} sub-forests, each seeded from the forest's seed, trains them on a pool, and
 * merges their trees into one averaging ensemble. The result depends on the parameters only, never on the number of
 * threads, so the same data and seed give the same forest on any machine.
 */
public final class ParallelForestTrainer {

    /** The name Tribuo records for the merged ensemble. */
    public static final String ENSEMBLE_NAME = "bikecast-random-forest";

    private final int threads;

    /** @param threads the pool size; at most one thread per shard is used */
    public ParallelForestTrainer(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive but was " + threads);
        }
        this.threads = threads;
    }

    /** A trainer using every core the JVM sees. */
    public static ParallelForestTrainer allCores() {
        return new ParallelForestTrainer(Runtime.getRuntime().availableProcessors());
    }

    public Model<Regressor> train(Dataset<Regressor> data, ForestParameters parameters) {
        parameters.validated();
        List<ShardSpec> shards = shards(parameters);
        List<Model<Regressor>> trees = new ArrayList<>(parameters.trees());
        int poolSize = Math.min(threads, shards.size());
        if (poolSize == 1) {
            shards.forEach(shard -> trees.addAll(trainShard(data, parameters, shard)));
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(
                    poolSize,
                    Thread.ofPlatform().name("forest-shard-", 0).daemon(true).factory())) {
                List<Future<List<Model<Regressor>>>> futures = new ArrayList<>();
                for (ShardSpec shard : shards) {
                    futures.add(pool.submit(() -> trainShard(data, parameters, shard)));
                }
                for (Future<List<Model<Regressor>>> future : futures) {
                    trees.addAll(await(future));
                }
            }
        }
        return WeightedEnsembleModel.createEnsembleFromExistingModels(ENSEMBLE_NAME, trees, new AveragingCombiner());
    }

    private static List<Model<Regressor>> trainShard(
            Dataset<Regressor> data, ForestParameters parameters, ShardSpec shard) {
        CARTRegressionTrainer tree = new CARTRegressionTrainer(
                parameters.maxDepth(),
                parameters.minChildWeight(),
                parameters.minImpurityDecrease(),
                parameters.featureFraction(),
                false,
                new MeanSquaredError(),
                shard.seed());
        // Tribuo 4.3.2 bags with unweighted bootstrap views, which keep their sampled row indices out of the provenance
        // (DatasetView sets storeIndices only for weighted views; the seed reproduces the sample):
        // ParallelForestTrainerTest guards this, since stored indices would add ~126 MB to a 100-tree artifact.
        EnsembleModel<Regressor> forest =
                new RandomForestTrainer<>(tree, new AveragingCombiner(), shard.trees(), shard.seed()).train(data);
        return forest.getModels();
    }

    /** The shards: trees spread as evenly as possible, each with its own seed drawn from the forest's seed. */
    static List<ShardSpec> shards(ForestParameters parameters) {
        SplittableRandom seeds = new SplittableRandom(parameters.seed());
        List<ShardSpec> shards = new ArrayList<>(parameters.shards());
        int base = parameters.trees() / parameters.shards();
        int extra = parameters.trees() % parameters.shards();
        for (int i = 0; i < parameters.shards(); i++) {
            shards.add(new ShardSpec(base + (i < extra ? 1 : 0), seeds.nextLong()));
        }
        return shards;
    }

    private static List<Model<Regressor>> await(Future<List<Model<Regressor>>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the forest", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a forest shard failed", e.getCause());
        }
    }

    record ShardSpec(int trees, long seed) {}
}
