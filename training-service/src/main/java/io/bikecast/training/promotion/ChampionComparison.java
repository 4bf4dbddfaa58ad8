package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The champion measured against a candidate on the hours neither learned from: the candidate's holdout hours after
 * the champion's served fit ended, scored by the candidate's evaluation fit and by the champion.
 *
 * @param championTrainedThrough the last hour the champion learned from (its served fit's end, or its training end
 *     for a version registered before refits)
 * @param holdoutStart the first hour of the candidate's holdout
 * @param holdoutEnd the last hour of the candidate's holdout
 * @param holdoutHours how many hours the candidate's holdout has
 * @param hours the hours compared
 * @param candidate the candidate's evaluation fit on {@code hours}, the mean over its leads with history; null when
 *     there were too few to compare
 * @param champion the champion on {@code hours}, likewise; null when there were too few to compare
 * @param leads both at each lead; empty when there were too few to compare
 */
record ChampionComparison(
        long championVersion,
        LocalDateTime championTrainedThrough,
        LocalDateTime holdoutStart,
        LocalDateTime holdoutEnd,
        int holdoutHours,
        ComparisonHours hours,
        ModelMetrics candidate,
        ModelMetrics champion,
        List<LeadComparison> leads) {

    ChampionComparison {
        leads = List.copyOf(leads);
    }

    /** Whether both models were scored on the hours. */
    boolean scored() {
        return candidate != null && champion != null;
    }
}
