/**
 * Answering one validated input from a snapshot of the models: the champion, or the challenger for its A/B share,
 * shadow predictions beside the champion's, each answer logged, and no answer at all without a champion.
 */
package io.bikecast.prediction.predictor;
