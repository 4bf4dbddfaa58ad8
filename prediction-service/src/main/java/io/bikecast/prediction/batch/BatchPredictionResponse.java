package io.bikecast.prediction.batch;

import io.bikecast.prediction.predict.PredictionResponse;
import java.util.List;

/** The predictions of a batch, in the order of its rows. */
record BatchPredictionResponse(int count, List<PredictionResponse> predictions) {}
