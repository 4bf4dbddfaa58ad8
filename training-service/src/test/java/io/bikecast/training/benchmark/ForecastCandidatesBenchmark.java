package io.bikecast.training.benchmark;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.Horizons;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * The experiment behind the forecasting candidates (issue 11): trained on every hour before 2012-09-01, scored on
 * September–December 2012 at horizons 1, 3, 6 and 24 hours, for Tribuo's random forest (the default forest's settings)
 * and Tribuo's gradient-boosted trees (XGBoost), each on the UCI features alone and with the history features of the
 * horizon's lead ({@link HistoryFeatures}), on the raw count and on a log1p target.
 *
 * <p>Each row prints RMSE, MAE, R² and the coverage of the 80% interval. Intervals are split-conformal: the candidate is
 * refitted without its last {@value #CALIBRATION_HOURS} training hours (half a year, so that the errors span more than one
 * season), its errors on those hours (in the target's
 * space, so multiplicative under log1p) give the 10th and 90th percentiles, and the interval of a prediction is the
 * prediction shifted by them. For the forest the spread of its trees (10th to 90th percentile) is printed as well: it
 * measures how much the trees disagree, not how far the actual may fall, and covers far less than 80%.
 *
 * <p>The python reference on the same split and features: {@code src/test/python/forecast_reference.py}.
 *
 * <p>Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl training-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.bikecast.training.benchmark.ForecastCandidatesBenchmark} (add {@code -Dexec.args=quick} to leave
 * out the forest, the slow candidate).
 */
public final class ForecastCandidatesBenchmark {

    static final LocalDate HOLDOUT_START = LocalDate.of(2012, 9, 1);
    static final LocalDate HOLDOUT_END = LocalDate.of(2013, 1, 1);
    static final int CALIBRATION_HOURS = 4_320;
    private static final String[] UCI_NAMES = FeatureSchema.featureNames();

    private ForecastCandidatesBenchmark() {}

    /** A way to fit a model: its name and whether it learns log1p(count). */
    record Candidate(String name, boolean log, Function<MutableDataset<Regressor>, Model<Regressor>> fit) {}

    record Score(double rmse, double mae, double r2, double coverage, double spreadCoverage) {}

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        List<HourRow> rows = UciDataset.hours();
        Map<LocalDateTime, Double> demand = new HashMap<>();
        rows.forEach(row -> demand.put(hourOf(row), (double) row.cnt()));
        DemandHistory history = hour -> {
            Double cnt = demand.get(hour);
            return cnt == null ? OptionalDouble.empty() : OptionalDouble.of(cnt);
        };
        List<HourRow> training = rows.stream()
                .filter(row -> row.dteday().isBefore(HOLDOUT_START))
                .toList();
        List<HourRow> holdout = rows.stream()
                .filter(row ->
                        !row.dteday().isBefore(HOLDOUT_START) && row.dteday().isBefore(HOLDOUT_END))
                .toList();

        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("xgboost-500-log", true, data -> xgboost(data, 500, 0.05, 6, 20)));
        candidates.add(new Candidate("xgboost-500", false, data -> xgboost(data, 500, 0.05, 6, 20)));
        if (!quick) {
            candidates.add(new Candidate("xgboost-1000-log", true, data -> xgboost(data, 1000, 0.02, 6, 50)));
            candidates.add(new Candidate("forest-100", false, ForecastCandidatesBenchmark::forest));
            candidates.add(new Candidate("forest-100-log", true, ForecastCandidatesBenchmark::forest));
        }
        System.out.printf(
                Locale.ROOT,
                "Trained on %d hours before %s, scored on %d hours to %s%n",
                training.size(),
                HOLDOUT_START,
                holdout.size(),
                HOLDOUT_END);
        System.out.println(
                "| candidate | horizon | history | RMSE | MAE | R² | coverage80 | tree-spread coverage | fit s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<Integer> horizons = new ArrayList<>(Horizons.LEADS);
        horizons.addFirst(0);
        for (Candidate candidate : candidates) {
            for (int horizon : horizons) {
                long start = System.nanoTime();
                Score score = score(candidate, training, holdout, history, horizon);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %s | %.1f | %.1f | %.3f | %.1f%% | %s | %.1f |%n",
                        candidate.name(),
                        horizon == 0 ? "any" : horizon + " h",
                        horizon == 0
                                ? "none"
                                : "lead " + Horizons.leadFor(horizon).orElseThrow() + " h",
                        score.rmse(),
                        score.mae(),
                        score.r2(),
                        100 * score.coverage(),
                        Double.isNaN(score.spreadCoverage())
                                ? "-"
                                : String.format(Locale.ROOT, "%.1f%%", 100 * score.spreadCoverage()),
                        seconds);
            }
        }
        System.out.println(
                "Rerun: ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl training-service test-compile exec:java "
                        + "-Dexec.classpathScope=test -Dexec.mainClass=" + ForecastCandidatesBenchmark.class.getName());
    }

    static Score score(
            Candidate candidate, List<HourRow> training, List<HourRow> holdout, DemandHistory history, int horizon) {
        int lead = horizon == 0 ? 0 : Horizons.leadFor(horizon).orElseThrow();
        Model<Regressor> model = candidate.fit().apply(dataset(training, history, lead, candidate.log()));
        List<HourRow> fitting = training.subList(0, training.size() - CALIBRATION_HOURS);
        List<HourRow> calibration = training.subList(training.size() - CALIBRATION_HOURS, training.size());
        Model<Regressor> calibrationModel = candidate.fit().apply(dataset(fitting, history, lead, candidate.log()));
        double[] errors = new double[calibration.size()];
        for (int i = 0; i < errors.length; i++) {
            HourRow row = calibration.get(i);
            errors[i] = target(row.cnt(), candidate.log())
                    - predict(calibrationModel, example(row, history, lead, Double.NaN));
        }
        Arrays.sort(errors);
        double low = percentile(errors, 0.10);
        double high = percentile(errors, 0.90);

        double squared = 0;
        double absolute = 0;
        double mean = holdout.stream().mapToInt(HourRow::cnt).average().orElseThrow();
        double total = 0;
        int covered = 0;
        int spreadCovered = 0;
        for (HourRow row : holdout) {
            Example<Regressor> example = example(row, history, lead, Double.NaN);
            double raw = predict(model, example);
            double predicted = count(raw, candidate.log());
            double error = predicted - row.cnt();
            squared += error * error;
            absolute += Math.abs(error);
            total += (row.cnt() - mean) * (row.cnt() - mean);
            if (row.cnt() >= count(raw + low, candidate.log()) && row.cnt() <= count(raw + high, candidate.log())) {
                covered++;
            }
            if (model instanceof EnsembleModel<Regressor> forest) {
                double[] trees = forest.getModels().stream()
                        .mapToDouble(tree -> count(predict(tree, example), candidate.log()))
                        .sorted()
                        .toArray();
                if (row.cnt() >= percentile(trees, 0.10) && row.cnt() <= percentile(trees, 0.90)) {
                    spreadCovered++;
                }
            }
        }
        int n = holdout.size();
        return new Score(
                Math.sqrt(squared / n),
                absolute / n,
                1 - squared / total,
                (double) covered / n,
                model instanceof EnsembleModel<?> ? (double) spreadCovered / n : Double.NaN);
    }

    static MutableDataset<Regressor> dataset(List<HourRow> rows, DemandHistory history, int lead, boolean log) {
        List<Example<Regressor>> examples = new ArrayList<>(rows.size());
        for (HourRow row : rows) {
            examples.add(example(row, history, lead, target(row.cnt(), log)));
        }
        return new MutableDataset<>(new ListDataSource<>(
                examples,
                new RegressionFactory(),
                new SimpleDataSourceProvenance("uci-before-" + HOLDOUT_START, new RegressionFactory())));
    }

    /**
     * One hour's example: the UCI features, then (under a lead) the history features, leaving out the missing ones so
     * that XGBoost treats them as missing; a forest reads an absent feature as 0.
     */
    static Example<Regressor> example(HourRow row, DemandHistory history, int lead, double target) {
        List<String> names = new ArrayList<>(Arrays.asList(UCI_NAMES));
        List<Double> values = new ArrayList<>();
        for (double value : row.features().toVector()) {
            values.add(value);
        }
        if (lead > 0) {
            String[] historyNames = HistoryFeatures.featureNames();
            double[] historyValues = HistoryFeatures.vector(hourOf(row), lead, history);
            for (int i = 0; i < historyNames.length; i++) {
                if (!Double.isNaN(historyValues[i])) {
                    names.add(historyNames[i]);
                    values.add(historyValues[i]);
                }
            }
        }
        Regressor output = Double.isNaN(target)
                ? RegressionFactory.UNKNOWN_REGRESSOR
                : new Regressor(FeatureSchema.TARGET, target);
        return new ArrayExample<>(
                output,
                names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Model<Regressor> xgboost(
            MutableDataset<Regressor> data, int rounds, double eta, int depth, double minChild) {
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(
                XGBoostRegressionTrainer.RegressionType.LINEAR,
                rounds,
                eta,
                0,
                depth,
                minChild,
                0.8,
                0.8,
                1,
                0,
                2,
                true,
                42L);
        XGBoostModel<Regressor> model = (XGBoostModel<Regressor>) trainer.train(data);
        model.setNumThreads(1);
        return model;
    }

    static Model<Regressor> forest(MutableDataset<Regressor> data) {
        CARTRegressionTrainer tree = new CARTRegressionTrainer(64, 5f, 0f, 0.99f, false, new MeanSquaredError(), 42L);
        return new RandomForestTrainer<>(tree, new AveragingCombiner(), 100, 42L).train(data);
    }

    private static double predict(Model<Regressor> model, Example<Regressor> example) {
        Prediction<Regressor> prediction = model.predict(example);
        return prediction.getOutput().getValues()[0];
    }

    private static double target(double cnt, boolean log) {
        return log ? Math.log1p(cnt) : cnt;
    }

    private static double count(double value, boolean log) {
        return log ? Math.expm1(value) : value;
    }

    private static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static LocalDateTime hourOf(HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }
}
