/**
 * The champion monitoring judges, as the training service's registry API tells it (never its tables): which version
 * it is, its holdout RMSE and the age of its served fit (kept in {@code monitoring.champion_state}), and its
 * reference sample, fetched again only when the champion moved.
 */
package io.bikecast.monitoring.champion;
