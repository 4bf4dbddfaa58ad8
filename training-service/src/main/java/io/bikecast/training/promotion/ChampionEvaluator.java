package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.registry.LoadedModels;
import io.bikecast.training.registry.ModelRegistryReader;
import io.bikecast.training.registry.ModelVersionView;
import io.bikecast.training.registry.RegistryStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the current champion against a candidate on the hours neither learned from: the candidate's holdout hours
 * after the champion's served fit ended, predicted by the candidate's evaluation fit and by the champion. Hours the
 * champion learned from would flatter it (an in-sample score), so they never count. With fewer unseen hours than the
 * policy needs, the champion is not even loaded.
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
                        forest(view),
                        () -> models.load(modelName, view.version())));
    }

    /** The forest parameters a version was trained with, or null when its stored settings hold none. */
    private ForestParameters forest(ModelVersionView view) {
        JsonNode forest =
                view.hyperParameters() == null ? null : view.hyperParameters().get("forest");
        if (forest == null || !forest.isObject()) {
            return null;
        }
        try {
            return json.treeToValue(forest, ForestParameters.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * @param split the candidate's window, cut at its holdout
     * @param holdoutPredictions the candidate's evaluation fit's prediction for each hour of {@code split.holdout()}
     * @return the comparison, or empty when there is no champion
     */
    Optional<ChampionComparison> compare(String modelName, TimeSplit split, double[] holdoutPredictions) {
        Optional<ModelVersionView> champion = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                .flatMap(version -> store.find(modelName, version));
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        ModelVersionView view = champion.get();
        LocalDateTime trainedThrough = view.trainedThrough();
        List<TrainingRow> holdout = split.holdout();
        List<TrainingRow> unseen = new ArrayList<>();
        List<Double> candidatePredictions = new ArrayList<>();
        for (int i = 0; i < holdout.size(); i++) {
            if (holdout.get(i).hour().isAfter(trainedThrough)) {
                unseen.add(holdout.get(i));
                candidatePredictions.add(holdoutPredictions[i]);
            }
        }
        ComparisonHours hours = unseen.isEmpty()
                ? new ComparisonHours(null, null, 0)
                : new ComparisonHours(unseen.getFirst().hour(), unseen.getLast().hour(), unseen.size());
        ModelMetrics candidateMetrics = null;
        ModelMetrics championMetrics = null;
        if (!unseen.isEmpty() && unseen.size() >= promotion.minComparisonHours()) {
            double[] actual = unseen.stream().mapToDouble(TrainingRow::count).toArray();
            Model<Regressor> championModel = models.load(modelName, view.version());
            candidateMetrics = Evaluation.metrics(
                    actual,
                    candidatePredictions.stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray());
            championMetrics = Evaluation.metrics(actual, Evaluation.predict(championModel, unseen));
        }
        return Optional.of(new ChampionComparison(
                view.version(),
                trainedThrough,
                split.holdoutStart(),
                split.holdoutEnd(),
                holdout.size(),
                hours,
                candidateMetrics,
                championMetrics));
    }
}
