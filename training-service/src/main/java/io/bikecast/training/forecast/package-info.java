/**
 * Training forecasters: for each candidate recipe one model per lead (none, 1, 3, 6 and 24 hours) on the UCI features
 * plus the history features of that lead, split-conformal 80% intervals per lead, each lead scored on the holdout, and
 * the selection of the better candidate. Plain functions of data, no Spring beans.
 */
package io.bikecast.training.forecast;
