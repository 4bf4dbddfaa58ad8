/**
 * Intervals that keep holding once a model is served: each lead's 80% interval is widened or narrowed from the
 * coverage of what it served, as the actuals arrive (adaptive conformal inference).
 */
package io.bikecast.prediction.calibration;
