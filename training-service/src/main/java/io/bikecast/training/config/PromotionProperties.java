package io.bikecast.training.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a newly trained version replaces the champion.
 *
 * @param minR2 a version whose holdout R² is below this is rejected (default 0.6)
 * @param minImprovement the candidate's holdout RMSE must be below the champion's RMSE on the same holdout by at least
 *     this share (default 0.02: 2% better); else it becomes the challenger
 * @param maxPreviousHoldoutRegression on the champion's own (older) holdout, the candidate's RMSE may exceed the
 *     champion's by at most this share (default 0.05); else it becomes the challenger
 */
@ConfigurationProperties("bikecast.training.promotion")
public record PromotionProperties(
        @DefaultValue("0.6") double minR2,
        @DefaultValue("0.02") double minImprovement,
        @DefaultValue("0.05") double maxPreviousHoldoutRegression) {}
