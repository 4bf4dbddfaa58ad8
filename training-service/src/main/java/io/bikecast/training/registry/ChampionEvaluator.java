package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.config.PromotionProperties;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.run.TrainedModel;
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
public class ChampionEvaluator {

    private final RegistryStore store;
    private final LoadedModels models;
    private final PromotionProperties promotion;

    private final JsonMapper json;

    public ChampionEvaluator(RegistryStore store, LoadedModels models, PromotionProperties promotion, JsonMapper json) {
        this.store = store;
        this.models = models;
        this.promotion = promotion;
        this.json = json;
    }

    /** Keeps a version that has just become champion in memory, as trained, for the runs that compare with it. */
    public void promoted(String modelName, Registration registration, String artifactSha256, Model<Regressor> model) {
        if (registration.decision().outcome().equals(PromotionDecision.CHAMPION)) {
            models.remember(modelName, registration.version(), artifactSha256, model);
        }
    }

    /** The champion's served fit, if there is a champion. */
    public Optional<ChampionFit> champion(String modelName) {
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

    public Optional<ChampionComparison> compare(String modelName, TrainedModel candidate) {
        Optional<ModelVersionView> champion = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                .flatMap(version -> store.find(modelName, version));
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        ModelVersionView view = champion.get();
        LocalDateTime trainedThrough = view.trainedThrough();
        List<TrainingRow> holdout = candidate.split().holdout();
        List<TrainingRow> unseen = new ArrayList<>();
        List<Double> candidatePredictions = new ArrayList<>();
        for (int i = 0; i < holdout.size(); i++) {
            if (holdout.get(i).hour().isAfter(trainedThrough)) {
                unseen.add(holdout.get(i));
                candidatePredictions.add(candidate.holdoutPredictions()[i]);
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
                candidate.split().holdoutStart(),
                candidate.split().holdoutEnd(),
                holdout.size(),
                hours,
                candidateMetrics,
                championMetrics));
    }
}
