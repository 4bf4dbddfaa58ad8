package io.bikecast.prediction.model;

import io.bikecast.model.CompactForecaster;
import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.LeadModel;
import io.bikecast.prediction.benchmark.BenchmarkForest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * The forest artifact's size and its load plus compile time, from the compact trees (format version 2, what the
 * service does now) and through the Tribuo protobuf (version 1, before): per entry its raw and stored bytes, then the
 * best of five loads from compact trees and one through the protobuf. {@link BenchmarkForest} chooses the forest; the
 * default forest's served fit is {@code -Dbench.depth=64} (100 trees, leaves of 5, all features, all 17,379 hours).
 *
 * <p>Run from {@code prediction-service}: {@code java -Xmx3g -Dbench.depth=64 -cp
 * ../model-codec/target/classes:target/test-classes:target/classes:$(cat /tmp/forest-cp.txt)
 * -Dbikecast.uci.dir=../../shared/data/uci-bike-sharing io.bikecast.prediction.model.CompactLoadBenchmark}
 */
public final class CompactLoadBenchmark {

    private CompactLoadBenchmark() {}

    public static void main(String[] args) throws IOException {
        Model<Regressor> forest = BenchmarkForest.load();
        long started = System.nanoTime();
        byte[] artifact = ForecasterArtifacts.write(
                Forecaster.withoutHistory("random-forest", new LeadModel(0, forest, Double.NaN, Double.NaN)));
        System.out.printf(
                Locale.ROOT,
                "forest %s: artifact written in %.1f s, stored %.1f MB%n",
                BenchmarkForest.describe(),
                (System.nanoTime() - started) / 1e9,
                artifact.length / 1e6);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                long raw = zip.transferTo(OutputStream.nullOutputStream());
                System.out.printf(Locale.ROOT, "  %-22s raw %7.1f MB%n", entry.getName(), raw / 1e6);
            }
        }
        double best = Double.MAX_VALUE;
        int nodes = 0;
        for (int round = 0; round < 5; round++) {
            started = System.nanoTime();
            CompactForecaster compact =
                    ForecasterArtifacts.readCompact(artifact).orElseThrow();
            CompiledForest compiled =
                    CompiledForest.of(compact.leads().getFirst().forest()).orElseThrow();
            double seconds = (System.nanoTime() - started) / 1e9;
            nodes = compiled.nodes();
            best = Math.min(best, seconds);
            System.out.printf(Locale.ROOT, "  compact: inflate + decode + check + compile %.2f s%n", seconds);
        }
        started = System.nanoTime();
        Forecaster read = ForecasterArtifacts.read(artifact);
        CompiledForest.compile(read.withoutHistoryModel().model()).orElseThrow();
        double protobuf = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d nodes: load + compile from compact trees %.2f s (best of 5); through the Tribuo protobuf %.1f s%n",
                nodes,
                best,
                protobuf);
    }
}
