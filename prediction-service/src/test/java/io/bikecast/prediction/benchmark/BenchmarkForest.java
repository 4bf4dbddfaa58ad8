package io.bikecast.prediction.benchmark;

import io.bikecast.model.FeatureExamples;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The realistic model the benchmarks measure: a random forest on all 17,379 rows of {@code hour.csv}, by default 100
 * trees of depth 14, 99 % of the features tried per split, minimum child weight 5 (override with the system
 * properties {@code bench.trees} and {@code bench.depth}). Trained once and kept under {@code target/benchmark-model}.
 */
public final class BenchmarkForest {

    public static final int TREES = Integer.getInteger("bench.trees", 100);
    public static final int DEPTH = Integer.getInteger("bench.depth", 14);

    private BenchmarkForest() {}

    public static String describe() {
        return TREES + " trees, depth " + DEPTH + ", feature fraction 0.99, min child weight 5, all of hour.csv";
    }

    /** The forest, from the cache if it was trained before. */
    public static synchronized Model<Regressor> load() {
        Path cached = Path.of(
                System.getProperty("bench.dir", "target/benchmark-model"), "forest-" + TREES + "-d" + DEPTH + ".gz");
        try {
            if (Files.isRegularFile(cached)) {
                return ModelArtifacts.read(Files.readAllBytes(cached));
            }
            Model<Regressor> model = train();
            Files.createDirectories(cached.getParent());
            Files.write(cached, ModelArtifacts.write(model));
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model<Regressor> train() {
        long started = System.nanoTime();
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("uci-hour", OffsetDateTime.now(), factory), factory);
        UciDataset.hours().forEach(row -> dataset.add(FeatureExamples.example(row.features(), row.cnt())));
        CARTRegressionTrainer tree =
                new CARTRegressionTrainer(DEPTH, 5.0f, 0.0f, 0.99f, false, new MeanSquaredError(), 42L);
        Model<Regressor> model = new RandomForestTrainer<>(tree, new AveragingCombiner(), TREES, 42L).train(dataset);
        System.out.printf(
                "Trained the benchmark forest (%s) in %.1f s%n", describe(), (System.nanoTime() - started) / 1e9);
        return model;
    }
}
