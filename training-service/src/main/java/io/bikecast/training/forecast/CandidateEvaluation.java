package io.bikecast.training.forecast;

import io.bikecast.common.events.ModelMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A candidate recipe's evaluation fit on the holdout: every lead's score and forecasts.
 *
 * @param leads the score of each lead, lead 0 first
 * @param holdoutForecasts per lead of {@link io.bikecast.common.features.Horizons#LEADS}, the forecast (count) of
 *     each holdout hour, in order
 * @param championVersion the champion whose forecaster was the evaluation fit (it learned the same hours with the
 *     same recipe), or null when the candidate was fitted
 */
public record CandidateEvaluation(
        Recipe recipe, List<LeadScore> leads, Map<Integer, double[]> holdoutForecasts, Long championVersion) {

    public CandidateEvaluation {
        leads = List.copyOf(leads);
        holdoutForecasts = Map.copyOf(holdoutForecasts);
    }

    /** The mean of the metrics over the leads with history: the version's metrics. */
    public ModelMetrics metrics() {
        List<ModelMetrics> withHistory = new ArrayList<>();
        leads.stream().filter(score -> score.lead() > 0).forEach(score -> withHistory.add(score.metrics()));
        return Forecasts.mean(withHistory);
    }

    /** What the selection minimises: the mean holdout RMSE over the leads with history (1, 3, 6 and 24 hours). */
    public double score() {
        return metrics().rmse();
    }

    /** The score of each lead, lead 0 first. */
    public LeadScore lead(int lead) {
        return leads.stream()
                .filter(score -> score.lead() == lead)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lead " + lead));
    }

    /** The better candidate: the lowest {@link #score()}, the first of equals. */
    public static CandidateEvaluation best(List<CandidateEvaluation> candidates) {
        return candidates.stream()
                .min(Comparator.comparingDouble(CandidateEvaluation::score))
                .orElseThrow(() -> new IllegalArgumentException("no candidate to choose from"));
    }
}
