package io.bikecast.prediction.api;

import java.util.List;

/** The predictions of a batch, in the order of its rows. */
public record BatchPredictionResponse(int count, List<PredictionResponse> predictions) {}
