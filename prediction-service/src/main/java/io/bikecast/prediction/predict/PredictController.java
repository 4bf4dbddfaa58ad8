package io.bikecast.prediction.predict;

import io.bikecast.prediction.predictor.PredictionInput;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.predictor.Predictors;
import io.bikecast.prediction.request.PredictRequest;
import io.bikecast.prediction.serving.ServingModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One prediction, on the versioned path and on the seed service's. The body is checked by Bean Validation before a
 * method runs, so each only ever sees a valid request; the answer names the model version that produced it.
 */
@RestController
@PredictionEndpoint
@Tag(name = "predictions", description = "Hourly rental predictions from the champion (or challenger)")
class PredictController {

    private final Predictors predictors;

    PredictController(Predictors predictors) {
        this.predictors = predictors;
    }

    @PostMapping("/api/v1/predict")
    @Operation(summary = "Predict one hour, from the UCI fields or from a timestamp and real-unit weather")
    PredictionResponse predict(
            @Valid @RequestBody PredictRequest request, @Parameter(hidden = true) ServingModels models) {
        PredictionInput input = request.toInput();
        Predictor predictor = predictors.forSeries(input.seriesId());
        return PredictionResponse.of(
                predictor.predict(predictor.requireChampion(predictors.snapshot(predictor, models)), input), null);
    }

    @PostMapping("/predict")
    @Operation(summary = "The seed service's path: as POST /api/v1/predict, plus the seed's field prediction")
    PredictionResponse seedPredict(
            @Valid @RequestBody PredictRequest request, @Parameter(hidden = true) ServingModels models) {
        return predict(request, models).withSeedPrediction();
    }
}
