package io.bikecast.training.forecast;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.Horizons;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ParallelForestTrainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Trains forecasters: for each lead of {@link #LEADS} one model on the UCI features plus (lead above 0) the history
 * features of that lead, read from the window's own observations.
 *
 * <p>A candidate's evaluation fit learns the hours before the holdout and is scored on the holdout, each lead on its
 * own. Its 80% intervals are split-conformal: a calibration fit of the same recipe leaves out the latest {@link
 * Recipe#calibrationHours()} training hours (at most half of them), and the 10th and 90th percentiles of its errors on
 * those hours are the offsets. The evaluation fit never learned the holdout, nor the calibration fit the calibration
 * hours, so the coverage measured on the holdout is honest; the served fit keeps the same offsets.
 */
public final class ForecasterTrainer {

    /** The leads a forecaster has models for: 0 (no history) and {@link Horizons#LEADS}. */
    public static final List<Integer> LEADS = leads();

    private final ParallelForestTrainer forests;

    /** @param threads the threads a forest's fit may use (boosting fits on one: see {@link BoostingTrainer}) */
    public ForecasterTrainer(int threads) {
        this.forests = new ParallelForestTrainer(threads);
    }

    /**
     * Fits the recipe's calibration and evaluation fits lead by lead and scores them on the holdout. Only scores and
     * forecasts leave this method, so each model is garbage before the next one grows.
     *
     * @param source what the rows are, for the models' provenance
     * @param sizes told the evaluation fit's size after each lead
     */
    public CandidateEvaluation evaluate(
            Recipe recipe, TimeSplit split, DemandHistory history, String source, SizeCheck sizes) {
        List<TrainingRow> training = split.training();
        int calibrationHours = Math.min(recipe.calibrationHours(), training.size() / 2);
        List<TrainingRow> fitting = training.subList(0, training.size() - calibrationHours);
        List<TrainingRow> calibration = training.subList(training.size() - calibrationHours, training.size());
        TargetTransform target = recipe.algorithm().target();
        List<LeadScore> scores = new ArrayList<>();
        Map<Integer, double[]> forecasts = new HashMap<>();
        long nodes = 0;
        int trees = 0;
        for (int lead : LEADS) {
            double[] offsets = calibrate(recipe, lead, fitting, calibration, history, source);
            Model<Regressor> model = fit(
                    recipe,
                    LeadExamples.dataset(training, lead, history, target, source + " before " + split.holdoutStart()));
            nodes += ModelSize.nodes(model);
            trees += ModelSize.trees(model);
            sizes.check("evaluation fit", nodes, trees);
            LeadModel fitted = new LeadModel(lead, model, offsets[0], offsets[1]);
            Scored scored = score(lead, fitted, target, split.holdout(), history);
            scores.add(scored.score());
            if (lead > 0) {
                forecasts.put(lead, scored.counts());
            }
        }
        return new CandidateEvaluation(recipe, scores, forecasts, null);
    }

    /**
     * The champion's forecaster as a recipe's evaluation fit, when it learned exactly the hours before the holdout with
     * that recipe: fitting them again would make the same models and the same intervals.
     */
    public CandidateEvaluation evaluateChampion(
            Recipe recipe, long championVersion, Forecaster champion, TimeSplit split, DemandHistory history) {
        List<LeadScore> scores = new ArrayList<>();
        Map<Integer, double[]> forecasts = new HashMap<>();
        for (int lead : LEADS) {
            Scored scored = score(
                    lead,
                    lead == 0 ? champion.withoutHistoryModel() : champion.forHorizon(lead),
                    champion.target(),
                    split.holdout(),
                    history);
            scores.add(scored.score());
            if (lead > 0) {
                forecasts.put(lead, scored.counts());
            }
        }
        return new CandidateEvaluation(recipe, scores, forecasts, championVersion);
    }

    /**
     * The served fit: the recipe's models fitted on every row of the window, each with the interval of its lead in
     * the evaluation.
     */
    public Forecaster fitServed(
            CandidateEvaluation evaluated,
            List<TrainingRow> rows,
            DemandHistory history,
            String source,
            SizeCheck sizes) {
        Recipe recipe = evaluated.recipe();
        TargetTransform target = recipe.algorithm().target();
        List<LeadModel> models = new ArrayList<>();
        long nodes = 0;
        int trees = 0;
        for (int lead : LEADS) {
            Model<Regressor> model = fit(recipe, LeadExamples.dataset(rows, lead, history, target, source));
            nodes += ModelSize.nodes(model);
            trees += ModelSize.trees(model);
            sizes.check("served fit", nodes, trees);
            LeadScore score = evaluated.lead(lead);
            models.add(new LeadModel(lead, model, score.intervalLow(), score.intervalHigh()));
        }
        return new Forecaster(recipe.algorithm().id(), target, models);
    }

    /** The tree nodes of all the forecaster's models. */
    public static long nodes(Forecaster forecaster) {
        return forecaster.models().stream()
                .mapToLong(model -> ModelSize.nodes(model.model()))
                .sum();
    }

    private double[] calibrate(
            Recipe recipe,
            int lead,
            List<TrainingRow> fitting,
            List<TrainingRow> calibration,
            DemandHistory history,
            String source) {
        TargetTransform target = recipe.algorithm().target();
        Model<Regressor> model = fit(
                recipe,
                LeadExamples.dataset(
                        fitting,
                        lead,
                        history,
                        target,
                        source + " before " + calibration.getFirst().hour()));
        double[] raw = Forecasts.raw(new LeadModel(lead, model, Double.NaN, Double.NaN), calibration, history);
        double[] errors = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            errors[i] = target.toTarget(calibration.get(i).count()) - raw[i];
        }
        return Intervals.offsets(errors);
    }

    private Model<Regressor> fit(Recipe recipe, Dataset<Regressor> data) {
        return switch (recipe.algorithm()) {
            case RANDOM_FOREST -> forests.train(data, recipe.forest());
            case XGBOOST -> BoostingTrainer.train(data, recipe.boosting());
        };
    }

    private static Scored score(
            int lead, LeadModel model, TargetTransform target, List<TrainingRow> rows, DemandHistory history) {
        double[] raw = Forecasts.raw(model, rows, history);
        double[] counts = new double[raw.length];
        int covered = 0;
        boolean calibrated = model.hasCalibratedInterval();
        for (int i = 0; i < raw.length; i++) {
            counts[i] = target.toCount(raw[i]);
            double actual = rows.get(i).count();
            if (calibrated
                    && actual >= target.toCount(raw[i] + model.intervalLow())
                    && actual <= target.toCount(raw[i] + model.intervalHigh())) {
                covered++;
            }
        }
        ModelMetrics metrics = Evaluation.metrics(Forecasts.actual(rows), counts);
        double coverage = calibrated ? (double) covered / raw.length : Double.NaN;
        return new Scored(new LeadScore(lead, metrics, coverage, model.intervalLow(), model.intervalHigh()), counts);
    }

    private static List<Integer> leads() {
        List<Integer> leads = new ArrayList<>();
        leads.add(0);
        leads.addAll(Horizons.LEADS);
        return List.copyOf(leads);
    }

    private record Scored(LeadScore score, double[] counts) {}
}
