package io.bikecast.training.config;

import io.bikecast.training.data.SeriesSelection;
import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forest.ForestParameters;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the training service trains, on which data, and when.
 *
 * @param modelName the registry name of the model this service trains (default {@code bike-demand})
 * @param seriesId the series of observations it learns from, as the ingest service names it (default {@code
 *     system}, the UCI data), or a prefix followed by {@code *} for a model family over many series ({@code
 *     citibike-*}: every station of the GBFS system {@code citibike}, one global model whose history features read
 *     each station's own demand; see {@link SeriesSelection}); read through the ingest service's API ({@link
 *     IngestProperties})
 * @param candidates the recipes a run trains a forecaster of and chooses between on the holdout, by the mean RMSE
 *     over the leads 1, 3, 6 and 24 hours (default {@code xgboost}: gradient-boosted trees on log1p). Add {@code
 *     random-forest} to train the forest too: on the UCI data it never won at any lead (ForecastCandidatesBenchmark)
 *     and its fits on the 19 features with history take minutes where boosting takes seconds, so by default a run
 *     does not pay for it (docs/training-service.md, "Forecasting with recent demand")
 * @param forest the default hyper-parameters of the random forest; a request may override each
 * @param boosting the hyper-parameters of the gradient-boosted trees
 * @param calibrationHours the latest training hours a calibration fit leaves out and measures the 80% intervals'
 *     errors on (default 4320: half a year, so that the errors span more than one season); at most half of the
 *     training hours
 * @param window the default data window and holdout; a request may override each
 * @param referenceSampleSize how many rows of the served fit (evenly spread over the whole window) are stored with a
 *     version as its reference sample for drift tests, with their hours (default 8760: a year of hours, so that a
 *     subset of the same weeks of the year stays large; every hour when the window is shorter)
 * @param minTrainingRows a run with fewer training hours fails instead of registering a model (default 240: 10 days)
 * @param threads the threads that train a forest, and how many boosted leads are fitted at once; 0 = one per available
 *     core (default 0)
 * @param schedule the service's own wall-clock cron trigger, off by default
 * @param triggers which events start a run
 * @param workerPollInterval how often each instance looks for queued runs it was not told about, e.g. runs queued on
 *     another instance, or left behind by a crash (default 30s)
 * @param maxTreeNodes the most nodes (splits and leaves, all trees together) a registered model may have (default
 *     3,000,000). A run whose fit has more fails, naming the count, and registers nothing: the prediction instances
 *     load the champion at start-up, and one they cannot hold would crash-loop every one of them. The default forest
 *     fitted on all of the UCI data has 1.33 million (185 MB of heap for 1.1 million); 3 million leaves room for more
 *     history or leaves of one row, and keeps a start-up load within a prediction instance's {@code -Xmx1536m}
 * @param maxArtifactBytes the largest stored (gzip) artifact a registered model may have (default 64MB; the default
 *     forest on all of the UCI data: 22.4 MB). A run whose artifact is larger fails and registers nothing
 * @param families model families trained beside the default model, each a registry model of its own over its own
 *     series, e.g. one global model over every station of a GBFS system (default none)
 */
@ConfigurationProperties("bikecast.training")
public record TrainingProperties(
        @DefaultValue("bike-demand") String modelName,
        @DefaultValue("system") String seriesId,
        @DefaultValue("xgboost") List<Algorithm> candidates,
        @DefaultValue Forest forest,
        @DefaultValue Boosting boosting,
        @DefaultValue("4320") int calibrationHours,
        @DefaultValue Window window,
        @DefaultValue("8760") int referenceSampleSize,
        @DefaultValue("240") int minTrainingRows,
        @DefaultValue("0") int threads,
        @DefaultValue Schedule schedule,
        @DefaultValue Triggers triggers,
        @DefaultValue("30s") Duration workerPollInterval,
        @DefaultValue("3000000") long maxTreeNodes,
        @DefaultValue("64MB") DataSize maxArtifactBytes,
        @DefaultValue List<Family> families) {

    public TrainingProperties {
        SeriesSelection.of(seriesId);
        Set<String> names = new HashSet<>();
        names.add(modelName);
        for (Family family : families) {
            if (!names.add(family.modelName())) {
                throw new IllegalArgumentException("bikecast.training: the model name '" + family.modelName()
                        + "' is given to two families; each family is a model of its own in the registry");
            }
        }
    }

    /** The series the default model learns from. */
    public SeriesSelection series() {
        return SeriesSelection.of(seriesId);
    }

    /** Every model this service trains: the default one ({@code model-name}, {@code series-id}) first. */
    public List<ModelFamily> models() {
        List<ModelFamily> models = new ArrayList<>();
        models.add(new ModelFamily(modelName, series()));
        families.forEach(family -> models.add(new ModelFamily(family.modelName(), family.series())));
        return List.copyOf(models);
    }

    /**
     * The model of that name, or the default model when the name is null.
     *
     * @return empty when this service trains no model of that name
     */
    public Optional<ModelFamily> model(@Nullable String name) {
        String wanted = name == null ? modelName : name;
        return models().stream()
                .filter(model -> model.modelName().equals(wanted))
                .findFirst();
    }

    /**
     * A model family trained beside the default model: its own registry name, champion and challenger, over its own
     * series, with the same candidates and gate as the default model.
     *
     * @param modelName its name in the registry, e.g. {@code citibike-stations}
     * @param seriesId the series it learns from: a prefix followed by {@code *} ({@code citibike-*}) for every station
     *     of a GBFS system, or one series id
     * @param window the data its runs learn from and are judged on (default: the default model's {@code window}). A
     *     live system's stations start with weeks of history where the UCI series has two years, and a station's
     *     demand of last year may describe a street that has changed, so a family often wants a window of its own
     */
    public record Family(
            String modelName, String seriesId, @Nullable Window window) {

        public Family {
            if (modelName == null || !MODEL_NAME.matcher(modelName).matches()) {
                throw new IllegalArgumentException("bikecast.training.families[].model-name must match "
                        + MODEL_NAME.pattern() + " but was " + (modelName == null ? "missing" : "'" + modelName + "'"));
            }
            SeriesSelection.of(seriesId);
        }

        SeriesSelection series() {
            return SeriesSelection.of(seriesId);
        }
    }

    /** The window of the model of that name: its family's own, or the default model's. */
    public Window window(String modelName) {
        return families.stream()
                .filter(family -> family.modelName().equals(modelName) && family.window() != null)
                .map(Family::window)
                .findFirst()
                .orElse(window);
    }

    /** What a model name must match: it is a URL query value and a metric label. */
    static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The number of training threads to use. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Forest hyper-parameters; the defaults are {@link ForestParameters#DEFAULTS}, chosen by
     * {@code ForestAccuracyBenchmark}.
     *
     * @param trees number of trees (default 100)
     * @param maxDepth maximum depth of a tree (default 64: in effect unlimited on this data)
     * @param minChildWeight minimum rows in a leaf (default 5)
     * @param minImpurityDecrease minimum decrease of squared error for a split (default 0)
     * @param featureFraction share of features tried at each split, below 1; 0.99 = all 12 (default 0.99)
     * @param seed random seed (default 42)
     * @param shards sub-forests trained in parallel and merged (default 8); part of the model's identity
     */
    public record Forest(
            @DefaultValue("100") int trees,
            @DefaultValue("64") int maxDepth,
            @DefaultValue("5") float minChildWeight,
            @DefaultValue("0") float minImpurityDecrease,
            @DefaultValue("0.99") float featureFraction,
            @DefaultValue("42") long seed,
            @DefaultValue("8") int shards) {

        public ForestParameters toParameters() {
            return new ForestParameters(
                    trees, maxDepth, minChildWeight, minImpurityDecrease, featureFraction, seed, shards);
        }
    }

    /**
     * Gradient-boosted trees' hyper-parameters; the defaults are {@link BoostingParameters#DEFAULTS}, measured by
     * {@code ForecastCandidatesBenchmark}.
     *
     * @param rounds boosting rounds, one tree each (default 500)
     * @param eta the learning rate (default 0.05)
     * @param maxDepth the deepest a tree may grow (default 6)
     * @param minChildWeight the fewest rows a leaf may hold (default 20)
     * @param subsample the share of rows each tree sees (default 0.8)
     * @param featureSubsample the share of features each tree sees (default 0.8)
     * @param seed random seed (default 42)
     */
    public record Boosting(
            @DefaultValue("500") int rounds,
            @DefaultValue("0.05") double eta,
            @DefaultValue("6") int maxDepth,
            @DefaultValue("20") double minChildWeight,
            @DefaultValue("0.8") double subsample,
            @DefaultValue("0.8") double featureSubsample,
            @DefaultValue("42") long seed) {

        public BoostingParameters toParameters() {
            return new BoostingParameters(rounds, eta, maxDepth, minChildWeight, subsample, featureSubsample, seed);
        }
    }

    /**
     * The data a run learns from and is judged on.
     *
     * @param days the window: the last N days of observations up to the latest hour; unset = all history (default)
     * @param holdoutDays the longest holdout: the last N days of the window (default 7)
     * @param holdoutStart an explicit start of the holdout instead of {@code holdoutDays} (local time; default unset)
     * @param minHoldoutHours the shortest holdout (default 72 h, monitoring's scheduled refresh interval). Unless the
     *     start is explicit, the holdout begins right after the champion's served fit ended, so that the evaluation
     *     fit learns what the champion learned and the gate compares the recipe on every hour the champion never saw;
     *     it is never longer than {@code holdoutDays} nor shorter than this, whose hours the champion may have seen
     */
    public record Window(
            Integer days,
            @DefaultValue("7") int holdoutDays,
            LocalDateTime holdoutStart,
            @DefaultValue("72") int minHoldoutHours) {}

    /**
     * @param cron the Spring cron expression of a wall-clock retraining schedule, {@code -} to disable (default
     *     {@code -}: off, the scheduled refresh belongs to monitoring's retraining policy, which follows the data clock
     *     and holds the one cooldown); never runs when {@code bikecast.clock.mode=data}
     * @param zone the time zone of the cron expression (default UTC)
     */
    public record Schedule(
            @DefaultValue("-") String cron,
            @DefaultValue("UTC") String zone) {}

    /**
     * @param observationsIngested whether every {@code observations-ingested} event queues a run (default false: the
     *     monitoring's requests are usually enough; merging keeps a burst of batches to one run)
     */
    public record Triggers(@DefaultValue("false") boolean observationsIngested) {}
}
