package io.bikecast.training.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ModelMetrics;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What became of a newly trained version, and why.
 *
 * @param outcome {@code champion}, {@code challenger} or {@code rejected}
 * @param reasons one sentence per rule that decided, for people, with the numbers and hours behind it
 * @param candidate the candidate's holdout metrics (its evaluation fit on its whole holdout, the mean over the leads
 *     with history)
 * @param championVersion the champion it was compared with, if any
 * @param championTrainedThrough the last hour the champion learned from, if there is a champion
 * @param comparisonHours the hours both were compared on (the candidate's holdout hours after {@code
 *     championTrainedThrough}), if there is a champion
 * @param candidateOnComparisonHours the candidate's evaluation fit on those hours, when there were enough of them
 * @param championOnComparisonHours the champion on those hours, when there were enough of them
 * @param leadsOnComparisonHours both at each lead on those hours, when there were enough of them; the two figures
 *     above are their means
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionDecision(
        String outcome,
        List<String> reasons,
        ModelMetrics candidate,
        Long championVersion,
        LocalDateTime championTrainedThrough,
        ComparisonHours comparisonHours,
        ModelMetrics candidateOnComparisonHours,
        ModelMetrics championOnComparisonHours,
        List<LeadComparison> leadsOnComparisonHours) {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";
    public static final String REJECTED = "rejected";

    public PromotionDecision {
        reasons = List.copyOf(reasons);
        leadsOnComparisonHours = leadsOnComparisonHours == null || leadsOnComparisonHours.isEmpty()
                ? null
                : List.copyOf(leadsOnComparisonHours);
    }

    /** The same comparison with another outcome, and the reasons that changed it. */
    public PromotionDecision withOutcome(String newOutcome, List<String> newReasons) {
        return new PromotionDecision(
                newOutcome,
                newReasons,
                candidate,
                championVersion,
                championTrainedThrough,
                comparisonHours,
                candidateOnComparisonHours,
                championOnComparisonHours,
                leadsOnComparisonHours);
    }
}
