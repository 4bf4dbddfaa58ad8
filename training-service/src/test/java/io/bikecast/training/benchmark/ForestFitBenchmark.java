package io.bikecast.training.benchmark;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

/**
 * The default forest's fit against scikit-learn's {@code RandomForestRegressor(n_estimators=100)}, in one run: the
 * forest is fitted as a run fits it ({@link ParallelForestTrainer} on every core, {@link ForestParameters#DEFAULTS}) on
 * the time split's 14,491 training hours, and {@code src/test/python/forest_fit_reference.py} fits scikit-learn's
 * forest on the same rows, timing its {@code fit} alone. Rounds alternate Java and Python, so load from other processes
 * hits both alike; the best of each is compared.
 *
 * <p>Arguments: {@code rounds=<n>} (default 2), {@code shards=<a,b,..>} (shard counts to try besides the default, the
 * parallelism lever), {@code threads=<n>} (default: every core). {@code -Dbench.python} names the interpreter with
 * scikit-learn (default {@code /usr/bin/python3}).
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl training-service -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.ForestFitBenchmark [-Dexec.args="rounds=3 shards=2,4"]}
 */
public final class ForestFitBenchmark {

    private static final Pattern PYTHON_LINE = Pattern.compile("fit_seconds=(\\S+) rmse=(\\S+) train_rows=(\\d+).*");

    private ForestFitBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = 2;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Integer> shardCounts = new ArrayList<>(List.of(ForestParameters.DEFAULTS.shards()));
        for (String arg : args) {
            if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring("rounds=".length()));
            } else if (arg.startsWith("threads=")) {
                threads = Integer.parseInt(arg.substring("threads=".length()));
            } else if (arg.startsWith("shards=")) {
                for (String shards : arg.substring("shards=".length()).split(",")) {
                    shardCounts.add(Integer.parseInt(shards.trim()));
                }
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "': rounds=, threads= or shards=");
            }
        }
        // Tribuo logs every bagged tree it starts; the figures would drown in it.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        TimeSplit split = UciRows.timeSplit();
        MutableDataset<Regressor> data = TrainingSets.of(split.training(), "uci-time-split");
        ParallelForestTrainer trainer = new ParallelForestTrainer(threads);
        // Warm-up, so that no timing pays for class loading and JIT compilation.
        trainer.train(data, new ForestParameters(8, 8, 5f, 0f, 0.99f, 1L, 2));

        double[] javaSeconds = new double[shardCounts.size()];
        ModelMetrics[] javaMetrics = new ModelMetrics[shardCounts.size()];
        Arrays.fill(javaSeconds, Double.MAX_VALUE);
        double pythonSeconds = Double.MAX_VALUE;
        double pythonRmse = Double.NaN;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < shardCounts.size(); i++) {
                ForestParameters parameters = withShards(shardCounts.get(i));
                long start = System.nanoTime();
                Model<Regressor> forest = trainer.train(data, parameters);
                double seconds = (System.nanoTime() - start) / 1e9;
                javaSeconds[i] = Math.min(javaSeconds[i], seconds);
                javaMetrics[i] = Evaluation.metrics(forest, split.holdout());
                System.out.printf(
                        Locale.ROOT,
                        "round %d: Tribuo, %d shards on %d threads: fit %.2f s, RMSE %.1f%n",
                        round + 1,
                        shardCounts.get(i),
                        threads,
                        seconds,
                        javaMetrics[i].rmse());
            }
            double[] python = scikitLearnFit(split.training().size());
            pythonSeconds = Math.min(pythonSeconds, python[0]);
            pythonRmse = python[1];
            System.out.printf(
                    Locale.ROOT,
                    "round %d: scikit-learn, 1 thread: fit %.2f s, RMSE %.1f%n",
                    round + 1,
                    python[0],
                    python[1]);
        }

        System.out.printf(
                Locale.ROOT,
                "%n%d training rows, 12 features, %d cores, best of %d rounds%n",
                split.training().size(),
                Runtime.getRuntime().availableProcessors(),
                rounds);
        System.out.printf(
                Locale.ROOT,
                "scikit-learn RandomForestRegressor(n_estimators=100), n_jobs=None: fit %.2f s, holdout RMSE %.1f%n",
                pythonSeconds,
                pythonRmse);
        for (int i = 0; i < shardCounts.size(); i++) {
            System.out.printf(
                    Locale.ROOT,
                    "Tribuo default forest, %d shards, %d threads: fit %.2f s, holdout RMSE %.1f, ratio to"
                            + " scikit-learn %.2fx%n",
                    shardCounts.get(i),
                    threads,
                    javaSeconds[i],
                    javaMetrics[i].rmse(),
                    javaSeconds[i] / pythonSeconds);
        }
        System.out.println("Rerun: ./mvnw -B -o -q -pl training-service -am test-compile exec:java"
                + " -Dexec.classpathScope=test -Dexec.mainClass=" + ForestFitBenchmark.class.getName()
                + " [-Dexec.args=\"rounds=3 shards=2,4 threads=1\"]");
    }

    private static ForestParameters withShards(int shards) {
        ForestParameters defaults = ForestParameters.DEFAULTS;
        return new ForestParameters(
                defaults.trees(),
                defaults.maxDepth(),
                defaults.minChildWeight(),
                defaults.minImpurityDecrease(),
                defaults.featureFraction(),
                defaults.seed(),
                shards);
    }

    /** Runs the Python script and returns its fit seconds and holdout RMSE. */
    private static double[] scikitLearnFit(int expectedRows) throws IOException, InterruptedException {
        Path script = Path.of("src/test/python/forest_fit_reference.py");
        if (!Files.isRegularFile(script)) {
            script = Path.of("training-service").resolve(script);
        }
        Process process = new ProcessBuilder(
                        System.getProperty("bench.python", "/usr/bin/python3"),
                        script.toString(),
                        UciDataset.hourCsv().toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        }
        int exit = process.waitFor();
        for (String line : output) {
            Matcher matcher = PYTHON_LINE.matcher(line);
            if (matcher.matches()) {
                if (Integer.parseInt(matcher.group(3)) != expectedRows) {
                    throw new IllegalStateException("scikit-learn fitted " + matcher.group(3) + " rows, the forest "
                            + expectedRows + ": the two read different splits");
                }
                return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))};
            }
        }
        throw new IllegalStateException("the scikit-learn fit (exit " + exit + ") printed no fit_seconds line: "
                + String.join("\n", output) + "\n(set -Dbench.python to a python3 with numpy and scikit-learn)");
    }
}
