package io.bikecast.training.promotion;

import io.bikecast.common.events.ModelMetrics;

/**
 * Candidate and champion at one lead on the hours neither learned from; the champion at a lead it has no model of
 * (a single forest stored before forecasters) is its model without history.
 *
 * @param lead 1, 3, 6 or 24
 */
public record LeadComparison(int lead, ModelMetrics candidate, ModelMetrics champion) {}
