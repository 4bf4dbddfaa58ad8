package io.bikecast.training.forecast;

import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The forecaster a run trains, on the split: the evaluation fit of each candidate recipe as a run makes it
 * (calibration fit without the last 4,320 training hours, then one model per lead) on the 14,491 hours before
 * 2012-09-01, scored per lead on September–December 2012, with the coverage of its 80% interval and the fit time.
 * Not run by Surefire (the name does not end in Test).
 *
 * <p>Run from the test classpath, e.g. {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl training-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.bikecast.training.forecast.ForecasterBenchmark} (add {@code
 * -Dexec.args=forest} for the random forest too: it takes minutes).
 */
public final class ForecasterBenchmark {

    private ForecasterBenchmark() {}

    public static void main(String[] args) {
        List<TrainingRow> rows = UciDataset.hours().stream()
                .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
                .toList();
        TimeSplit split = TimeSplit.at(rows, LocalDateTime.of(2012, 9, 1, 0, 0));
        WindowHistory history = WindowHistory.of(rows);
        ForecasterTrainer trainer = new ForecasterTrainer(Runtime.getRuntime().availableProcessors());
        List<Algorithm> algorithms = args.length > 0 && args[0].equals("forest")
                ? List.of(Algorithm.XGBOOST, Algorithm.RANDOM_FOREST)
                : List.of(Algorithm.XGBOOST);
        System.out.printf(
                Locale.ROOT,
                "Trained on %d hours before 2012-09-01, scored on %d hours to the end of 2012%n",
                split.training().size(),
                split.holdout().size());
        System.out.println("| candidate | lead | RMSE | MAE | R² | coverage80 | interval (target space) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Algorithm algorithm : algorithms) {
            Recipe recipe = new Recipe(algorithm, ForestParameters.DEFAULTS, BoostingParameters.DEFAULTS, 4320);
            long start = System.nanoTime();
            CandidateEvaluation evaluated = trainer.evaluate(recipe, split, history, "uci", (fit, nodes, trees) -> {});
            double seconds = (System.nanoTime() - start) / 1e9;
            for (LeadScore lead : evaluated.leads()) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %.1f | %.3f | %.1f%% | %.3f..%.3f |%n",
                        algorithm.id(),
                        lead.lead(),
                        lead.metrics().rmse(),
                        lead.metrics().mae(),
                        lead.metrics().r2(),
                        100 * lead.coverage80(),
                        lead.intervalLow(),
                        lead.intervalHigh());
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: score (mean RMSE over leads 1, 3, 6, 24) %.1f; calibration and evaluation fits %.1f s%n",
                    algorithm.id(),
                    evaluated.score(),
                    seconds);
        }
    }
}
