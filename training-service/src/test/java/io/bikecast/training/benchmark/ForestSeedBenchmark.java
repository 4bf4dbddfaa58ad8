package io.bikecast.training.benchmark;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

/**
 * How much of a difference between two forests' holdout RMSE is only the luck of their seeds: trains a few settings
 * with five seeds each on the time split and prints every RMSE, the mean and the spread. A single draw of
 * scikit-learn (72.7) is compared with our mean, not with our best seed.
 *
 * <p>Run: {@code ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.ForestSeedBenchmark}
 */
public final class ForestSeedBenchmark {

    private ForestSeedBenchmark() {}

    public static void main(String[] args) {
        TimeSplit time = UciRows.timeSplit();
        MutableDataset<Regressor> data = TrainingSets.of(time.training(), "uci-time-split");
        ParallelForestTrainer trainer = ParallelForestTrainer.allCores();
        int[][] settings = {{100, 64, 1}, {100, 64, 5}, {100, 16, 5}, {100, 14, 3}, {50, 14, 3}, {30, 14, 3}};
        long[] seeds = {0L, 1L, 2L, 3L, 42L};
        System.out.println("| trees | depth | min leaf | time-split RMSE per seed | mean RMSE | min..max | mean R² |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int[] s : settings) {
            StringBuilder each = new StringBuilder();
            double sum = 0;
            double r2 = 0;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (long seed : seeds) {
                ForestParameters p = new ForestParameters(s[0], s[1], s[2], 0f, 0.99f, seed, Math.min(8, s[0] / 5));
                Model<Regressor> model = trainer.train(data, p);
                ModelMetrics m = Evaluation.metrics(model, time.holdout());
                each.append(String.format(Locale.ROOT, "%.1f ", m.rmse()));
                sum += m.rmse();
                r2 += m.r2();
                min = Math.min(min, m.rmse());
                max = Math.max(max, m.rmse());
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d | %s| %.1f | %.1f..%.1f | %.3f |%n",
                    s[0],
                    s[1],
                    s[2],
                    each,
                    sum / seeds.length,
                    min,
                    max,
                    r2 / seeds.length);
        }
        System.out.println("Rerun: ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test"
                + " -Dexec.mainClass=" + ForestSeedBenchmark.class.getName());
    }
}
