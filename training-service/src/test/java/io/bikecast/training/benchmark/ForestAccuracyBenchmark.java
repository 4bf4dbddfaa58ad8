package io.bikecast.training.benchmark;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * The experiment behind the default forest: for a grid of settings, accuracy on the time split (holdout from
 * 2012-09-01) and on an interleaved 80/20 split (every fifth hour held out, the same rows {@code
 * src/test/python/sklearn_reference.py} scores scikit-learn on), artifact size (raw protobuf and gzip), and single-prediction latency. The
 * bar is scikit-learn's RandomForestRegressor (100 trees, default settings): RMSE 72.7 / R² 0.888 on the time split,
 * 42.1 / 0.944 on the random split.
 *
 * <p>Run: {@code ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.ForestAccuracyBenchmark} (add {@code -Dexec.args=quick} for a short
 * grid).
 */
public final class ForestAccuracyBenchmark {

    private ForestAccuracyBenchmark() {}

    public static void main(String[] args) throws IOException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        List<ForestParameters> grid = new ArrayList<>();
        ForestParameters defaults = ForestParameters.DEFAULTS;
        // Tribuo's usual forest: a third of the features per split.
        grid.add(new ForestParameters(100, 64, 5f, 0f, 0.33f, 42L, 8));
        // scikit-learn's defaults: all features, unlimited depth, leaves of one row.
        grid.add(new ForestParameters(100, 64, 1f, 0f, 0.99f, 42L, 8));
        grid.add(new ForestParameters(100, 64, 5f, 0f, 0.99f, 42L, 8));
        grid.add(new ForestParameters(100, 64, 2f, 0f, 0.75f, 42L, 8));
        if (!quick) {
            grid.add(new ForestParameters(100, 16, 2f, 0f, 0.99f, 42L, 8));
            grid.add(new ForestParameters(100, 14, 3f, 0f, 0.99f, 42L, 8));
            grid.add(new ForestParameters(100, 12, 2f, 0f, 0.99f, 42L, 8));
            grid.add(new ForestParameters(50, 14, 3f, 0f, 0.99f, 42L, 8));
            grid.add(new ForestParameters(30, 16, 2f, 0f, 0.99f, 42L, 6));
            grid.add(new ForestParameters(30, 14, 3f, 0f, 0.99f, 42L, 6));
            grid.add(new ForestParameters(20, 14, 3f, 0f, 0.99f, 42L, 4));
        }
        if (!grid.contains(defaults)) {
            grid.add(defaults);
        }
        TimeSplit time = UciRows.timeSplit();
        TimeSplit random = UciRows.interleavedSplit();
        ParallelForestTrainer trainer = ParallelForestTrainer.allCores();
        System.out.println(
                "| trees | depth | min leaf | features/split | time RMSE | time R² | interleaved RMSE | interleaved R² "
                        + "| raw MB | gzip MB | p50 µs | p99 µs | train s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ForestParameters p : grid) {
            long start = System.nanoTime();
            Model<Regressor> model = trainer.train(TrainingSets.of(time.training(), "uci-time-split"), p);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            ModelMetrics onTime = Evaluation.metrics(model, time.holdout());
            long raw = rawSize(model);
            long gzip = ModelArtifacts.write(model).length;
            double[] latency = latencyMicros(model, time);
            Model<Regressor> randomModel =
                    trainer.train(TrainingSets.of(random.training(), "uci-interleaved-split"), p);
            ModelMetrics onRandom = Evaluation.metrics(randomModel, random.holdout());
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %.2f | %.1f | %.3f | %.1f | %.3f | %.1f | %.1f | %.0f | %.0f | %.1f |%s%n",
                    p.trees(),
                    p.maxDepth(),
                    p.minChildWeight(),
                    p.featureFraction(),
                    onTime.rmse(),
                    onTime.r2(),
                    onRandom.rmse(),
                    onRandom.r2(),
                    raw / 1e6,
                    gzip / 1e6,
                    latency[0],
                    latency[1],
                    trainSeconds,
                    p.equals(defaults) ? " **default**" : "");
        }
        System.out.println(
                "scikit-learn RandomForestRegressor(100 trees, defaults), seed 42: time split RMSE 72.7 R² 0.888,"
                        + " random split RMSE 42.1 R² 0.944; over 5 seeds see src/test/python/sklearn_reference.py");
        System.out.println("Rerun: ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test"
                + " -Dexec.mainClass=" + ForestAccuracyBenchmark.class.getName());
    }

    static long rawSize(Model<Regressor> model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serialize().writeTo(bytes);
        return bytes.size();
    }

    /** Median and 99th percentile of one-row predictions over the holdout, after a warm-up, in µs. */
    static double[] latencyMicros(Model<Regressor> model, TimeSplit split) {
        List<Example<Regressor>> examples = split.holdout().stream()
                .map(row -> FeatureExamples.unlabelledExample(row.features()))
                .toList();
        for (int i = 0; i < 3000; i++) {
            model.predict(examples.get(i % examples.size()));
        }
        int n = Math.min(3000, examples.size());
        double[] micros = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            model.predict(examples.get(i));
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        return new double[] {micros[n / 2], micros[(int) (n * 0.99)]};
    }
}
