package io.bikecast.prediction.api;

import java.util.List;

/** Up to {@code bikecast.prediction.max-batch-rows} rows, each a {@link PredictRequest} in either form. */
public record BatchPredictRequest(List<PredictRequest> rows) {}
