package io.bikecast.registry.client;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ModelArtifacts;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Random;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/** Real artifacts of small Tribuo forests, and the registry's description of them. */
final class Artifacts {

    private Artifacts() {}

    /** The artifact of a 3-tree forest on 60 rows of y = 10·x0 + x1, seeded so each seed gives another model. */
    static byte[] forest(long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> rows = new MutableDataset<>(
                new SimpleDataSourceProvenance("synthetic", OffsetDateTime.now(), factory), factory);
        Random random = new Random(seed);
        String[] names = {"x0", "x1"};
        for (int i = 0; i < 60; i++) {
            double[] x = {random.nextDouble(), random.nextDouble()};
            rows.add(new ArrayExample<>(new Regressor("cnt", 10 * x[0] + x[1]), names, x));
        }
        CARTRegressionTrainer tree =
                new CARTRegressionTrainer(4, 2.0f, 0.0f, 0.5f, false, new MeanSquaredError(), seed);
        return ModelArtifacts.write(new RandomForestTrainer<>(tree, new AveragingCombiner(), 3, seed).train(rows));
    }

    static ModelVersion version(long version, byte[] artifact) {
        return new ModelVersion(
                "bike-demand",
                version,
                "random-forest",
                "champion",
                "champion",
                1,
                new ModelMetrics(80.0, 50.0, 0.8, 0.4),
                ModelArtifacts.sha256(artifact),
                artifact.length,
                null);
    }

    static ReferenceSample reference() {
        return new ReferenceSample(Map.of("temp", new double[] {0.2, 0.4, 0.6}), new double[] {10, 20, 30});
    }
}
