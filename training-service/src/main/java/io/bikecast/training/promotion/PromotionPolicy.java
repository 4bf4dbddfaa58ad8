package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what a newly trained version becomes, comparing it with the champion only on hours neither learned from:
 *
 * <ol>
 *   <li>rejected if its holdout R² is below the floor, unless it can be compared with the champion on enough hours
 *       neither learned from: the floor is a sanity check for a model nothing can be compared with, and a holdout of
 *       Christmas week gives any model, the champion too, an R² below it (the 2012 backtest rejected five refreshes
 *       in a row there, one of them the champion itself);
 *   <li>champion if there is no champion yet;
 *   <li>challenger if fewer than the minimum of its holdout hours come after the champion's served fit (the two
 *       cannot be compared fairly);
 *   <li>champion if on those hours its RMSE (the mean over the leads 1, 3, 6 and 24 hours, each lead of the champion
 *       served by the model that serves that horizon) is at most the champion's plus the allowed regression: its served fit has
 *       learned the newest hours, which is what improves the forecast, and the gate only stops a recipe that is worse
 *       on hours nobody saw;
 *   <li>otherwise challenger.
 * </ol>
 */
@Component
class PromotionPolicy {

    private final PromotionProperties properties;

    PromotionPolicy(PromotionProperties properties) {
        this.properties = properties;
    }

    PromotionDecision decide(ModelMetrics candidate, Optional<ChampionComparison> champion) {
        List<String> reasons = new ArrayList<>();
        boolean comparable = champion.filter(c -> c.scored() && c.hours().count() >= properties.minComparisonHours())
                .isPresent();
        if (!(candidate.r2() >= properties.minR2())) {
            if (!comparable) {
                reasons.add(format("holdout R² %.4f is below the floor of %.4f", candidate.r2(), properties.minR2()));
                return decision(PromotionDecision.REJECTED, reasons, candidate, champion);
            }
            // Holiday hours have little variance: a low R² then says more about the hours than about the model.
            reasons.add(format(
                    "holdout R² %.4f is below the floor of %.4f, which only applies when there is no champion to"
                            + " compare with on hours neither trained on",
                    candidate.r2(), properties.minR2()));
        } else {
            reasons.add(format("holdout R² %.4f meets the floor of %.4f", candidate.r2(), properties.minR2()));
        }
        if (champion.isEmpty()) {
            reasons.add("there is no champion yet: the first version that meets the floor becomes champion");
            return decision(PromotionDecision.CHAMPION, reasons, candidate, champion);
        }
        ChampionComparison comparison = champion.get();
        ComparisonHours hours = comparison.hours();
        if (!comparable) {
            reasons.add(format(
                    "the champion has seen all but %d of the holdout hours (champion v%d trained through %s; holdout"
                            + " %s..%s, %d hours): fewer than the %d needed to compare them on hours neither trained"
                            + " on, so it becomes the challenger",
                    hours.count(),
                    comparison.championVersion(),
                    comparison.championTrainedThrough(),
                    comparison.holdoutStart(),
                    comparison.holdoutEnd(),
                    comparison.holdoutHours(),
                    properties.minComparisonHours()));
            return decision(PromotionDecision.CHALLENGER, reasons, candidate, champion);
        }
        double championRmse = comparison.champion().rmse();
        double allowed = championRmse * (1 + properties.maxRegression());
        double candidateRmse = comparison.candidate().rmse();
        boolean holds = candidateRmse <= allowed;
        reasons.add(format(
                "on the %d hours neither trained on (%s..%s) its RMSE %.2f %s the champion v%d's %.2f plus the allowed"
                        + " %.1f%% (at most %.2f)",
                hours.count(),
                hours.from(),
                hours.to(),
                candidateRmse,
                holds ? "is within" : "is above",
                comparison.championVersion(),
                championRmse,
                properties.maxRegression() * 100,
                allowed));
        return decision(
                holds ? PromotionDecision.CHAMPION : PromotionDecision.CHALLENGER, reasons, candidate, champion);
    }

    private static PromotionDecision decision(
            String outcome, List<String> reasons, ModelMetrics candidate, Optional<ChampionComparison> champion) {
        return new PromotionDecision(
                outcome,
                reasons,
                candidate,
                champion.map(ChampionComparison::championVersion).orElse(null),
                champion.map(ChampionComparison::championTrainedThrough).orElse(null),
                champion.map(ChampionComparison::hours).orElse(null),
                champion.map(ChampionComparison::candidate).orElse(null),
                champion.map(ChampionComparison::champion).orElse(null),
                champion.map(ChampionComparison::leads).orElse(null));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
