package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;

/**
 * The champion measured against a candidate: on the candidate's holdout (the newest hours, unseen by both when the
 * window grew) and on the champion's own holdout (the previous holdout), where both are scored on today's data.
 *
 * @param candidateOnPreviousHoldout null when the previous holdout has no hours in the data any more
 * @param championOnPreviousHoldout null when the previous holdout has no hours in the data any more
 */
public record ChampionComparison(
        long championVersion,
        ModelMetrics championOnCandidateHoldout,
        ModelMetrics candidateOnPreviousHoldout,
        ModelMetrics championOnPreviousHoldout) {}
