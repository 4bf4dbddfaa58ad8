package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.Horizons;
import io.bikecast.model.Forecaster;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forecast.Forecasts;
import io.bikecast.training.forecast.Recipe;
import io.bikecast.training.forecast.RowHistory;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.registry.LoadedModels;
import io.bikecast.training.registry.ModelRegistryReader;
import io.bikecast.training.registry.ModelVersionView;
import io.bikecast.training.registry.RegistryStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the current champion against a candidate on the hours neither learned from: the candidate's holdout hours
 * after the champion's served fit ended, forecast by the candidate's evaluation fit and by the champion at each lead of
 * {@link Horizons#LEADS}, both reading the same recent demand. Hours the champion learned from would flatter it (an
 * in-sample score), so they never count. With fewer unseen hours than the policy needs, the champion is not even
 * loaded.
 */
@Component
class ChampionEvaluator {

    private final RegistryStore store;
    private final LoadedModels models;
    private final PromotionProperties promotion;

    private final JsonMapper json;

    ChampionEvaluator(RegistryStore store, LoadedModels models, PromotionProperties promotion, JsonMapper json) {
        this.store = store;
        this.models = models;
        this.promotion = promotion;
        this.json = json;
    }

    /** The champion's served fit, if there is a champion. */
    Optional<ChampionFit> champion(String modelName) {
        return store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                .flatMap(version -> store.find(modelName, version))
                .map(view -> new ChampionFit(
                        view.version(),
                        view.trainedThrough(),
                        view.servedFitEnd() == null ? null : view.datasetVersion(),
                        recipe(view),
                        () -> models.load(modelName, view.version())));
    }

    /**
     * The recipe a version was trained with, or null when it has none a run could repeat: a version registered before
     * forecasters (a single forest, whose settings name no calibration) or settings that no longer read.
     */
    private Recipe recipe(ModelVersionView view) {
        Algorithm algorithm = Algorithm.byId(view.algorithm());
        JsonNode settings = view.hyperParameters();
        if (algorithm == null
                || settings == null
                || !settings.path("calibrationHours").isNumber()
                || !algorithm.target().name().equals(view.targetTransform())) {
            return null;
        }
        try {
            return new Recipe(
                    algorithm,
                    json.treeToValue(settings.get("forest"), ForestParameters.class),
                    json.treeToValue(settings.get("boosting"), BoostingParameters.class),
                    settings.get("calibrationHours").asInt());
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param split the candidate's window, cut at its holdout
     * @param holdoutForecasts per lead of {@link Horizons#LEADS}, the candidate's evaluation fit's forecast of each
     *     hour of {@code split.holdout()}
     * @param history the window's demand, which both read their history features from
     * @return the comparison, or empty when there is no champion
     */
    Optional<ChampionComparison> compare(
            String modelName, TimeSplit split, Map<Integer, double[]> holdoutForecasts, RowHistory history) {
        Optional<ModelVersionView> champion = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                .flatMap(version -> store.find(modelName, version));
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        ModelVersionView view = champion.get();
        LocalDateTime trainedThrough = view.trainedThrough();
        List<TrainingRow> holdout = split.holdout();
        List<Integer> unseenIndices = new ArrayList<>();
        for (int i = 0; i < holdout.size(); i++) {
            if (holdout.get(i).hour().isAfter(trainedThrough)) {
                unseenIndices.add(i);
            }
        }
        List<TrainingRow> unseen = unseenIndices.stream().map(holdout::get).toList();
        // Hours, not rows: a family of many series has one row per series in each hour.
        int unseenHours =
                (int) unseen.stream().map(TrainingRow::hour).distinct().count();
        ComparisonHours hours = unseen.isEmpty()
                ? new ComparisonHours(null, null, 0)
                : new ComparisonHours(unseen.getFirst().hour(), unseen.getLast().hour(), unseenHours);
        ModelMetrics candidateMetrics = null;
        ModelMetrics championMetrics = null;
        List<LeadComparison> leads = new ArrayList<>();
        if (!unseen.isEmpty() && unseenHours >= promotion.minComparisonHours()) {
            double[] actual = Forecasts.actual(unseen);
            Forecaster championForecaster = models.load(modelName, view.version());
            for (int lead : Horizons.LEADS) {
                double[] candidate = holdoutForecasts.get(lead);
                double[] candidateOnUnseen =
                        unseenIndices.stream().mapToDouble(i -> candidate[i]).toArray();
                leads.add(new LeadComparison(
                        lead,
                        Evaluation.metrics(actual, candidateOnUnseen),
                        Evaluation.metrics(actual, Forecasts.counts(championForecaster, lead, unseen, history))));
            }
            candidateMetrics =
                    Forecasts.mean(leads.stream().map(LeadComparison::candidate).toList());
            championMetrics =
                    Forecasts.mean(leads.stream().map(LeadComparison::champion).toList());
        }
        return Optional.of(new ChampionComparison(
                view.version(),
                trainedThrough,
                split.holdoutStart(),
                split.holdoutEnd(),
                holdout.size(),
                hours,
                candidateMetrics,
                championMetrics,
                leads));
    }
}
