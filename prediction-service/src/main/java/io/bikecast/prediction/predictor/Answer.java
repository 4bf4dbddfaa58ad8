package io.bikecast.prediction.predictor;

import io.bikecast.common.events.ServedBy;
import io.bikecast.prediction.model.ModelOutput;
import io.bikecast.prediction.model.ServedModel;
import java.util.UUID;

/**
 * What the service answered for one input, and which model answered it.
 *
 * @param output in rentals
 * @param horizon when and how far ahead it was issued, and with which history
 */
public record Answer(
        UUID predictionId,
        PredictionInput input,
        ServedModel model,
        ServedBy servedBy,
        ModelOutput output,
        Horizon horizon) {}
