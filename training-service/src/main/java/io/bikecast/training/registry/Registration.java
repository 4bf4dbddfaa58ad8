package io.bikecast.training.registry;

/** A registered version and the decision taken about it. */
public record Registration(long version, PromotionDecision decision) {}
