package io.bikecast.training.benchmark;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * What one fit of the default boosted model costs, by XGBoost's tree method and thread count, on the 14,491 hours
 * before 2012-09-01 with the history features of lead 1 and 24, and what each scores on September–December 2012: a run
 * makes fifteen such fits (five leads; calibration, evaluation and served fit), so this decides whether a run stays
 * within a minute.
 *
 * <p>Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.BoostingFitBenchmark}
 */
public final class BoostingFitBenchmark {

    private BoostingFitBenchmark() {}

    public static void main(String[] args) {
        List<HourRow> rows = UciDataset.hours();
        Map<LocalDateTime, Double> demand = new HashMap<>();
        rows.forEach(row -> demand.put(row.dteday().atTime(row.hr(), 0), (double) row.cnt()));
        DemandHistory history = hour -> {
            Double cnt = demand.get(hour);
            return cnt == null ? OptionalDouble.empty() : OptionalDouble.of(cnt);
        };
        List<HourRow> training = rows.stream()
                .filter(row -> row.dteday().isBefore(ForecastCandidatesBenchmark.HOLDOUT_START))
                .toList();
        List<HourRow> holdout = rows.stream()
                .filter(row -> !row.dteday().isBefore(ForecastCandidatesBenchmark.HOLDOUT_START))
                .toList();
        System.out.println("| tree method | threads | lead | fit s | RMSE |");
        System.out.println("|---|---|---|---|---|");
        for (int lead : new int[] {1, 24}) {
            MutableDataset<Regressor> data = ForecastCandidatesBenchmark.dataset(training, history, lead, true);
            for (XGBoostTrainer.TreeMethod method :
                    new XGBoostTrainer.TreeMethod[] {XGBoostTrainer.TreeMethod.EXACT, XGBoostTrainer.TreeMethod.HIST}) {
                for (int threads : new int[] {1, 2}) {
                    long start = System.nanoTime();
                    Model<Regressor> model = fit(data, method, threads);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double squared = 0;
                    for (HourRow row : holdout) {
                        double predicted = Math.expm1(
                                model.predict(ForecastCandidatesBenchmark.example(row, history, lead, Double.NaN))
                                        .getOutput()
                                        .getValues()[0]);
                        squared += (predicted - row.cnt()) * (predicted - row.cnt());
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %d | %.1f | %.1f |%n",
                            method,
                            threads,
                            lead,
                            seconds,
                            Math.sqrt(squared / holdout.size()));
                }
            }
        }
        System.out.println(
                "Rerun: ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl training-service test-compile exec:java "
                        + "-Dexec.classpathScope=test -Dexec.mainClass=" + BoostingFitBenchmark.class.getName());
    }

    private static Model<Regressor> fit(MutableDataset<Regressor> data, XGBoostTrainer.TreeMethod method, int threads) {
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(
                XGBoostTrainer.BoosterType.GBTREE,
                method,
                XGBoostRegressionTrainer.RegressionType.LINEAR,
                500,
                0.05,
                0,
                6,
                20,
                0.8,
                0.8,
                1,
                0,
                threads,
                XGBoostTrainer.LoggingVerbosity.SILENT,
                42L);
        XGBoostModel<Regressor> model = (XGBoostModel<Regressor>) trainer.train(data);
        model.setNumThreads(1);
        return model;
    }
}
