/**
 * Scoring a registered version on any range of stored hours, for backtests and operators.
 */
package io.bikecast.training.evaluation;
