package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.config.PromotionProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what a newly trained version becomes:
 *
 * <ol>
 *   <li>rejected if its holdout R² is below the floor;
 *   <li>champion if there is no champion yet;
 *   <li>champion if its RMSE on its holdout beats the champion's RMSE on the same hours by the minimum relative margin,
 *       and on the champion's own holdout it is not worse than the champion by more than the allowed regression;
 *   <li>otherwise challenger.
 * </ol>
 */
@Component
public class PromotionPolicy {

    private final PromotionProperties properties;

    public PromotionPolicy(PromotionProperties properties) {
        this.properties = properties;
    }

    public PromotionDecision decide(ModelMetrics candidate, Optional<ChampionComparison> champion) {
        List<String> reasons = new ArrayList<>();
        if (!(candidate.r2() >= properties.minR2())) {
            reasons.add(format("holdout R² %.4f is below the floor of %.4f", candidate.r2(), properties.minR2()));
            return decision(PromotionDecision.REJECTED, reasons, candidate, champion);
        }
        reasons.add(format("holdout R² %.4f meets the floor of %.4f", candidate.r2(), properties.minR2()));
        if (champion.isEmpty()) {
            reasons.add("there is no champion yet: the first version that meets the floor becomes champion");
            return decision(PromotionDecision.CHAMPION, reasons, candidate, champion);
        }
        ChampionComparison comparison = champion.get();
        double championRmse = comparison.championOnCandidateHoldout().rmse();
        double required = championRmse * (1 - properties.minImprovement());
        boolean beats = candidate.rmse() <= required;
        reasons.add(format(
                "on the candidate's holdout its RMSE %.2f %s the champion v%d's %.2f by the required %.1f%% (at most"
                        + " %.2f)",
                candidate.rmse(),
                beats ? "beats" : "does not beat",
                comparison.championVersion(),
                championRmse,
                properties.minImprovement() * 100,
                required));
        boolean holds = true;
        if (comparison.candidateOnPreviousHoldout() != null && comparison.championOnPreviousHoldout() != null) {
            double previousChampion = comparison.championOnPreviousHoldout().rmse();
            double allowed = previousChampion * (1 + properties.maxPreviousHoldoutRegression());
            double previousCandidate = comparison.candidateOnPreviousHoldout().rmse();
            holds = previousCandidate <= allowed;
            reasons.add(format(
                    "on the champion's own holdout its RMSE %.2f %s the champion's %.2f plus the allowed %.1f%% (at"
                            + " most %.2f)",
                    previousCandidate,
                    holds ? "stays within" : "regresses beyond",
                    previousChampion,
                    properties.maxPreviousHoldoutRegression() * 100,
                    allowed));
        } else {
            reasons.add("the champion's own holdout has no hours in the data any more: only the new holdout counts");
        }
        String outcome = beats && holds ? PromotionDecision.CHAMPION : PromotionDecision.CHALLENGER;
        return decision(outcome, reasons, candidate, champion);
    }

    private static PromotionDecision decision(
            String outcome, List<String> reasons, ModelMetrics candidate, Optional<ChampionComparison> champion) {
        return new PromotionDecision(
                outcome,
                reasons,
                candidate,
                champion.map(ChampionComparison::championVersion).orElse(null),
                champion.map(ChampionComparison::championOnCandidateHoldout).orElse(null),
                champion.map(ChampionComparison::candidateOnPreviousHoldout).orElse(null),
                champion.map(ChampionComparison::championOnPreviousHoldout).orElse(null));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
