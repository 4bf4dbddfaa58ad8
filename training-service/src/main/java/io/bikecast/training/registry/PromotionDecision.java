package io.bikecast.training.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ModelMetrics;
import java.util.List;

/**
 * What became of a newly trained version, and why.
 *
 * @param outcome {@code champion}, {@code challenger} or {@code rejected}
 * @param reasons one sentence per rule that decided, for people
 * @param championVersion the champion it was compared with, if any
 * @param championOnCandidateHoldout the champion's metrics on the candidate's holdout (the same hours)
 * @param candidateOnPreviousHoldout the candidate's metrics on the champion's own holdout
 * @param championOnPreviousHoldout the champion's metrics on its own holdout, recomputed on today's data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionDecision(
        String outcome,
        List<String> reasons,
        ModelMetrics candidate,
        Long championVersion,
        ModelMetrics championOnCandidateHoldout,
        ModelMetrics candidateOnPreviousHoldout,
        ModelMetrics championOnPreviousHoldout) {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";
    public static final String REJECTED = "rejected";

    public PromotionDecision {
        reasons = List.copyOf(reasons);
    }
}
