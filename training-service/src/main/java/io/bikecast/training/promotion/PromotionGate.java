package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.Forecaster;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.forecast.RowHistory;
import io.bikecast.training.registry.LoadedModels;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a training run asks of the promotion gate: the champion to train against, the decision about its candidate,
 * and to keep a new champion in memory for the runs after it.
 */
@Component
public class PromotionGate {

    private final ChampionEvaluator champions;
    private final PromotionPolicy policy;
    private final LoadedModels models;

    PromotionGate(ChampionEvaluator champions, PromotionPolicy policy, LoadedModels models) {
        this.champions = champions;
        this.policy = policy;
        this.models = models;
    }

    /**
     * The champion's served fit, if there is a champion: the candidate's holdout begins after it, and when it learned
     * exactly the candidate's training hours with the same recipe it is the candidate's evaluation fit.
     */
    public Optional<ChampionFit> champion(String modelName) {
        return champions.champion(modelName);
    }

    /**
     * Decides what a candidate becomes, comparing it with the champion on the hours neither learned from.
     *
     * @param split the candidate's window, cut at its holdout
     * @param holdoutForecasts per lead with history, its evaluation fit's forecast of each hour of {@code
     *     split.holdout()}
     * @param history the window's demand, which the champion's history features read too
     * @param metrics its evaluation fit's metrics on the whole holdout
     */
    public PromotionDecision decide(
            String modelName,
            TimeSplit split,
            Map<Integer, double[]> holdoutForecasts,
            RowHistory history,
            ModelMetrics metrics) {
        return policy.decide(metrics, champions.compare(modelName, split, holdoutForecasts, history));
    }

    /**
     * Keeps a version registered as champion in memory, as trained: the next run compares with it (and may use it as
     * its evaluation fit) without parsing its artifact, which takes seconds.
     */
    public void registered(
            String modelName, long version, PromotionDecision decision, String artifactSha256, Forecaster forecaster) {
        if (decision.outcome().equals(PromotionDecision.CHAMPION)) {
            models.remember(modelName, version, artifactSha256, forecaster);
        }
    }
}
