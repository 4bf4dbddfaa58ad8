package io.bikecast.prediction.quick;

import io.bikecast.prediction.predict.PredictionEndpoint;
import io.bikecast.prediction.predict.PredictionResponse;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.predictor.Predictors;
import io.bikecast.prediction.serving.ServingModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quick GET, on the versioned path and on the seed service's: a prediction from a few query parameters. */
@RestController
@PredictionEndpoint
@Tag(name = "predictions", description = "Hourly rental predictions from the champion (or challenger)")
class QuickController {

    private final Predictors predictors;
    private final Validator validator;

    QuickController(Predictors predictors, Validator validator) {
        this.predictors = predictors;
        this.validator = validator;
    }

    @GetMapping("/api/v1/predict")
    @Operation(
            summary = "Quick prediction from query parameters",
            description = "Any of the twelve UCI fields; the others are filled with the champion's reference "
                    + "medians and listed in filledFields.")
    PredictionResponse quick(
            @RequestParam Map<String, String> parameters, @Parameter(hidden = true) ServingModels models) {
        Predictor predictor = predictors.forSeries(parameters.get("seriesId"));
        ServingModels serving = predictor.requireChampion(predictors.snapshot(predictor, models));
        QuickQuery.Filled filled = QuickQuery.parse(parameters, serving.champion(), validator);
        return PredictionResponse.of(predictor.predict(serving, filled.input()), filled.filledFields());
    }

    @GetMapping("/predict")
    @Operation(summary = "The seed service's path: as GET /api/v1/predict, plus the seed's field predicted_bikes")
    PredictionResponse seedQuick(
            @RequestParam Map<String, String> parameters, @Parameter(hidden = true) ServingModels models) {
        return quick(parameters, models).withSeedPredictedBikes();
    }
}
