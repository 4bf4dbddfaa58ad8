package io.bikecast.training.run;

import io.bikecast.training.promotion.PromotionDecision;

/** A registered version and the decision taken about it. */
record Registration(long version, PromotionDecision decision) {}
