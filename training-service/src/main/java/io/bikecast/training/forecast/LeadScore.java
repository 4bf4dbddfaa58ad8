package io.bikecast.training.forecast;

import io.bikecast.common.events.ModelMetrics;

/**
 * One lead of a forecaster on the holdout.
 *
 * @param lead 0 (no history), 1, 3, 6 or 24
 * @param metrics RMSE, MAE, R² and the share within ±20%, in rentals
 * @param coverage80 the share of holdout hours whose actual lies in the 80% interval
 * @param intervalLow the interval's low offset in the target's space (the 10th percentile of the calibration errors)
 * @param intervalHigh the interval's high offset (their 90th percentile)
 */
public record LeadScore(int lead, ModelMetrics metrics, double coverage80, double intervalLow, double intervalHigh) {}
