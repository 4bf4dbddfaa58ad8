/**
 * Live error: RMSE, MAE, R² and bias of each model version's predictions joined with the actuals, over sliding windows
 * of predicted hours ending at the data clock, computed in PostgreSQL, served as JSON and exported as gauges.
 */
package io.bikecast.monitoring.liveerror;
