package io.bikecast.common.events;

/**
 * Accuracy of a model on a holdout or on live traffic.
 *
 * @param rmse root mean squared error, in rentals per hour
 * @param mae mean absolute error, in rentals per hour
 * @param r2 coefficient of determination
 * @param withinTwentyPercent share of hours whose prediction is within ±20% of the actual count
 */
public record ModelMetrics(double rmse, double mae, double r2, double withinTwentyPercent) {}
