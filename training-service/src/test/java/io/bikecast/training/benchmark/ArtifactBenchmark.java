package io.bikecast.training.benchmark;

import io.bikecast.model.ModelArtifacts;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ForestSize;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * What the default model costs the services that hold it: tree nodes, artifact size (raw protobuf and the stored
 * gzip), time to write and to read the artifact, the heap the loaded model occupies, and single-prediction latency.
 * Trained on the UCI time split's training part (all of 2011 and 2012 to August); the nodes and stored size are also
 * given for a served fit of all of {@code hour.csv}, what a run on the whole data set registers, which the defaults
 * of {@code bikecast.training.max-tree-nodes} and {@code max-artifact-bytes} must leave room for.
 *
 * <p>Run: {@code ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.ArtifactBenchmark}
 */
public final class ArtifactBenchmark {

    private ArtifactBenchmark() {}

    public static void main(String[] args) throws Exception {
        TimeSplit split = UciRows.timeSplit();
        ForestParameters defaults = ForestParameters.DEFAULTS;
        Model<Regressor> model =
                ParallelForestTrainer.allCores().train(TrainingSets.of(split.training(), "uci-time-split"), defaults);
        long raw = ForestAccuracyBenchmark.rawSize(model);
        long nodes = ForestSize.nodes(model);

        byte[] artifact = null;
        long writeNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            artifact = ModelArtifacts.write(model);
            writeNanos = Math.min(writeNanos, System.nanoTime() - start);
        }
        model = null;
        Model<Regressor> servedFit =
                ParallelForestTrainer.allCores().train(TrainingSets.of(UciRows.all(), "uci-all"), defaults);
        long servedNodes = ForestSize.nodes(servedFit);
        long servedStored = ModelArtifacts.write(servedFit).length;
        servedFit = null;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long readNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            ModelArtifacts.read(artifact);
            readNanos = Math.min(readNanos, System.nanoTime() - start);
        }
        long before = usedAfterGc(memory);
        Model<Regressor> loaded = ModelArtifacts.read(artifact);
        long after = usedAfterGc(memory);
        double[] latency = ForestAccuracyBenchmark.latencyMicros(loaded, split);

        System.out.printf(
                Locale.ROOT,
                "default forest %s%n  %,d tree nodes; artifact: %.1f MB raw protobuf, %.1f MB gzip (stored)%n"
                        + "  served fit of all %,d hours: %,d tree nodes, %.1f MB gzip (stored)%n"
                        + "  write (serialize + gzip): %.2f s, read (gunzip + parse + build): %.2f s (best of 3)%n"
                        + "  heap held by the loaded model: %.0f MB (peak while loading is higher: the artifact,"
                        + " its inflated protobuf and the model coexist)%n"
                        + "  single prediction: p50 %.0f µs, p99 %.0f µs%n",
                defaults,
                nodes,
                raw / 1e6,
                artifact.length / 1e6,
                UciRows.all().size(),
                servedNodes,
                servedStored / 1e6,
                writeNanos / 1e9,
                readNanos / 1e9,
                (after - before) / 1e6,
                latency[0],
                latency[1]);
        System.out.println(
                "  (keep a reference so the model is not collected before the measurement: " + loaded.getName() + ")");
        System.out.println("Rerun: ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test"
                + " -Dexec.mainClass=" + ArtifactBenchmark.class.getName());
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
