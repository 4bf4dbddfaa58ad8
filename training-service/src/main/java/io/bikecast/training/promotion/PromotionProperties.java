package io.bikecast.training.promotion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a newly trained version replaces the champion. Candidate and champion are compared only on the hours neither
 * learned from: the candidate's holdout hours after the end of the champion's served fit.
 *
 * @param minR2 a version whose holdout R² (of its evaluation fit) is below this is rejected (default 0.3): a sanity
 *     floor against a broken model, not a quality bar. A 7-day holdout can be a holiday week of little variance: the
 *     default forest on the UCI data scores RMSE 52 but R² 0.48 on 25–31 December 2012, and must not be rejected
 * @param minComparisonHours with fewer unseen holdout hours than this the two cannot be compared fairly, and the
 *     candidate becomes the challenger (default 24)
 * @param maxRegression the candidate becomes champion when its RMSE on the unseen hours is at most the champion's
 *     times (1 + this) (default 0.0: equal or better promotes, since the same recipe on the same cut-off gives the same
 *     model, and its refit has learned the newest hours); else it becomes the challenger
 */
@ConfigurationProperties("bikecast.training.promotion")
record PromotionProperties(
        @DefaultValue("0.3") double minR2,
        @DefaultValue("24") int minComparisonHours,
        @DefaultValue("0.0") double maxRegression) {}
