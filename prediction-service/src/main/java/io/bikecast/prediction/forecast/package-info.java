/**
 * Forecasts of a series' next hours ({@code POST /api/v1/forecast} with the weather of each hour, {@code GET
 * /api/v1/forecast} from stored weather forecasts): every hour from one model snapshot, each by the model of its
 * horizon, with its interval.
 */
package io.bikecast.prediction.forecast;
