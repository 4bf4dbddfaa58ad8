package io.bikecast.training.forecast;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.Horizons;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ParallelForestTrainer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
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
 *
 * <p>Boosted leads are fitted side by side, up to {@code threads} at a time: a boosted fit runs on one thread (see
 * {@link BoostingTrainer}) and its models are small, so the leads are what there is to parallelise. A forest's fit
 * already uses every thread and its models are large, so forest leads are fitted one after another.
 */
public final class ForecasterTrainer {

    /** The leads a forecaster has models for: 0 (no history) and {@link Horizons#LEADS}. */
    public static final List<Integer> LEADS = leads();

    private final ParallelForestTrainer forests;
    private final int threads;

    /** @param threads the threads a forest's fit may use, and how many boosted leads are fitted at a time */
    public ForecasterTrainer(int threads) {
        this.forests = new ParallelForestTrainer(threads);
        this.threads = threads;
    }

    /**
     * Fits the recipe's calibration and evaluation fits lead by lead and scores them on the holdout. Only scores and
     * forecasts leave this method, so each model is garbage before the next one grows.
     *
     * @param source what the rows are, for the models' provenance
     * @param sizes told the evaluation fit's size after each lead
     */
    public CandidateEvaluation evaluate(
            Recipe recipe, TimeSplit split, RowHistory history, String source, SizeCheck sizes) {
        List<TrainingRow> training = split.training();
        int cut = calibrationStart(training, recipe.calibrationHours());
        List<TrainingRow> fitting = training.subList(0, cut);
        List<TrainingRow> calibration = training.subList(cut, training.size());
        TargetTransform target = recipe.algorithm().target();
        Sizes fitted = new Sizes("evaluation fit", sizes);
        List<Scored> scored = perLead(recipe, lead -> {
            double[] offsets = calibrate(recipe, lead, fitting, calibration, history, source);
            Model<Regressor> model = fit(
                    recipe,
                    LeadExamples.dataset(training, lead, history, target, source + " before " + split.holdoutStart()));
            fitted.add(model);
            return score(lead, new LeadModel(lead, model, offsets[0], offsets[1]), target, split.holdout(), history);
        });
        List<LeadScore> scores = new ArrayList<>();
        Map<Integer, double[]> forecasts = new HashMap<>();
        for (Scored lead : scored) {
            scores.add(lead.score());
            if (lead.score().lead() > 0) {
                forecasts.put(lead.score().lead(), lead.counts());
            }
        }
        return new CandidateEvaluation(recipe, scores, forecasts, null);
    }

    /**
     * The champion's forecaster as a recipe's evaluation fit, when it learned exactly the hours before the holdout with
     * that recipe: fitting them again would make the same models and the same intervals.
     */
    public CandidateEvaluation evaluateChampion(
            Recipe recipe, long championVersion, Forecaster champion, TimeSplit split, RowHistory history) {
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
            CandidateEvaluation evaluated, List<TrainingRow> rows, RowHistory history, String source, SizeCheck sizes) {
        Recipe recipe = evaluated.recipe();
        TargetTransform target = recipe.algorithm().target();
        Sizes fitted = new Sizes("served fit", sizes);
        List<LeadModel> models = perLead(recipe, lead -> {
            Model<Regressor> model = fit(recipe, LeadExamples.dataset(rows, lead, history, target, source));
            fitted.add(model);
            LeadScore score = evaluated.lead(lead);
            return new LeadModel(lead, model, score.intervalLow(), score.intervalHigh());
        });
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
            RowHistory history,
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

    /**
     * Where the calibration rows begin: at the first row of the latest {@code hours} distinct hours, so that a family
     * of many series calibrates on as many hours as one series does, but never before the middle of the rows.
     */
    static int calibrationStart(List<TrainingRow> training, int hours) {
        int cut = training.size();
        int seen = 0;
        while (cut > 0 && seen < hours) {
            LocalDateTime hour = training.get(cut - 1).hour();
            while (cut > 0 && training.get(cut - 1).hour().equals(hour)) {
                cut--;
            }
            seen++;
        }
        return Math.max(cut, training.size() - training.size() / 2);
    }

    /** One task per lead of {@link #LEADS}, their results in that order. */
    private <T> List<T> perLead(Recipe recipe, IntFunction<T> task) {
        int parallel = recipe.algorithm() == Algorithm.XGBOOST ? Math.min(threads, LEADS.size()) : 1;
        if (parallel < 2) {
            List<T> results = new ArrayList<>();
            for (int lead : LEADS) {
                results.add(task.apply(lead));
            }
            return results;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(
                parallel, Thread.ofPlatform().name("forecaster-fit-", 0).factory())) {
            List<Future<T>> running = new ArrayList<>();
            for (int lead : LEADS) {
                running.add(pool.submit(() -> task.apply(lead)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> lead : running) {
                results.add(result(lead, running));
            }
            return results;
        }
    }

    private static <T> T result(Future<T> lead, List<? extends Future<?>> all) {
        try {
            return lead.get();
        } catch (InterruptedException e) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting the forecaster's leads", e);
        } catch (ExecutionException e) {
            all.forEach(other -> other.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a lead's fit failed", e.getCause());
        }
    }

    private Model<Regressor> fit(Recipe recipe, Dataset<Regressor> data) {
        return switch (recipe.algorithm()) {
            case RANDOM_FOREST -> forests.train(data, recipe.forest());
            case XGBOOST -> BoostingTrainer.train(data, recipe.boosting());
        };
    }

    private static Scored score(
            int lead, LeadModel model, TargetTransform target, List<TrainingRow> rows, RowHistory history) {
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

    /** The nodes and trees of a fit's models so far, checked after each model whichever thread fitted it. */
    private static final class Sizes {
        private final String fit;
        private final SizeCheck check;
        private long nodes;
        private int trees;

        Sizes(String fit, SizeCheck check) {
            this.fit = fit;
            this.check = check;
        }

        synchronized void add(Model<Regressor> model) {
            nodes += ModelSize.nodes(model);
            trees += ModelSize.trees(model);
            check.check(fit, nodes, trees);
        }
    }
}
