/**
 * A model version made ready to answer: its artifact read as a forecaster (one model per lead; a legacy single forest
 * is one without history), each model given an engine (a random forest or boosted trees compiled into flat arrays and
 * checked against Tribuo, or Tribuo itself), its output brought back to rentals with its interval; or the reason it
 * cannot be served.
 */
package io.bikecast.prediction.model;
