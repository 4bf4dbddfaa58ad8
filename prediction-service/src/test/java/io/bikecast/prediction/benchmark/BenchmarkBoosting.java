package io.bikecast.prediction.benchmark;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.TargetTransform;
import io.bikecast.prediction.support.FakeIngest;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * The boosted model the benchmarks measure beside the forest: what the training service registers for the next hour,
 * Tribuo's XGBoost on log1p of the count with the lead-1 history features, 500 rounds, η 0.05, depth 6 (the best
 * candidate of docs/training-service.md, "Forecasting with recent demand"), on all of {@code hour.csv}
 * ({@code bench.rounds} for another number of rounds). Trained once and kept under {@code target/benchmark-model}.
 */
public final class BenchmarkBoosting {

    public static final int ROUNDS = Integer.getInteger("bench.rounds", 500);
    public static final int LEAD = 1;

    private BenchmarkBoosting() {}

    public static String describe() {
        return "XGBoost, " + ROUNDS + " rounds, eta 0.05, depth 6, log1p, lead " + LEAD + " history, all of hour.csv";
    }

    /** The UCI actuals by hour, the history the benchmark's predictions read. */
    public static DemandHistory actuals() {
        Map<LocalDateTime, Double> counts = new HashMap<>();
        for (UciDataset.HourRow row : UciDataset.hours()) {
            counts.put(FakeIngest.hourOf(row), (double) row.cnt());
        }
        return hour -> {
            Double count = counts.get(hour);
            return count == null ? OptionalDouble.empty() : OptionalDouble.of(count);
        };
    }

    /** The model, from the cache if it was trained before. */
    @SuppressWarnings("unchecked")
    public static synchronized Model<Regressor> load() {
        Path cached = Path.of(System.getProperty("bench.dir", "target/benchmark-model"), "xgboost-" + ROUNDS + ".bin");
        try {
            if (Files.isRegularFile(cached)) {
                return (Model<Regressor>)
                        Model.deserialize(org.tribuo.protos.core.ModelProto.parseFrom(Files.readAllBytes(cached)));
            }
            Model<Regressor> model = train();
            Files.createDirectories(cached.getParent());
            Files.write(cached, model.serialize().toByteArray());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XGBoostModel<Regressor> train() {
        long started = System.nanoTime();
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("uci-hour", OffsetDateTime.now(), factory), factory);
        DemandHistory history = actuals();
        for (UciDataset.HourRow row : UciDataset.hours()) {
            double[] lags = HistoryFeatures.vector(FakeIngest.hourOf(row), LEAD, history);
            dataset.add(FeatureExamples.example(row.features(), lags, TargetTransform.LOG1P.toTarget(row.cnt())));
        }
        XGBoostModel<Regressor> model = (XGBoostModel<Regressor>) new XGBoostRegressionTrainer(
                        XGBoostRegressionTrainer.RegressionType.LINEAR, ROUNDS, 0.05, 0, 6, 1, 1, 1, 1, 0, 2, true, 42L)
                .train(dataset);
        System.out.printf(
                "Trained the benchmark boosting (%s) in %.1f s%n", describe(), (System.nanoTime() - started) / 1e9);
        return model;
    }
}
