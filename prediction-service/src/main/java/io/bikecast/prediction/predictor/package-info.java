/**
 * Answering validated inputs from a snapshot of the models: the champion, or the challenger for its A/B share; the
 * model of the input's horizon, given the series' recent demand as of the issue time; shadow predictions beside the
 * champion's, each answer logged, and no answer at all without a champion.
 */
package io.bikecast.prediction.predictor;
