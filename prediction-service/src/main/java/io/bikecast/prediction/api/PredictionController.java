package io.bikecast.prediction.api;

import io.bikecast.prediction.model.ServingModels;
import io.bikecast.prediction.serving.Predictor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prediction endpoints. Bodies are checked by Bean Validation before a method runs, so each method only ever sees
 * a valid request; every answer names the model version that produced it. Each request is answered from the one
 * snapshot {@link PredictionRequests} took for it.
 */
@RestController
@Tag(name = "predictions", description = "Hourly rental predictions from the champion (or challenger)")
public class PredictionController {

    private final Predictor predictor;
    private final Validator validator;

    public PredictionController(Predictor predictor, Validator validator) {
        this.predictor = predictor;
        this.validator = validator;
    }

    @PostMapping("/api/v1/predict")
    @Operation(summary = "Predict one hour, from the UCI fields or from a timestamp and real-unit weather")
    public PredictionResponse predict(
            @Valid @RequestBody PredictRequest request,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        return PredictionResponse.of(predictor.predict(predictor.requireChampion(models), request.toInput()), null);
    }

    @PostMapping("/predict")
    @Operation(summary = "The seed service's path: as POST /api/v1/predict, plus the seed's field prediction")
    public PredictionResponse seedPredict(
            @Valid @RequestBody PredictRequest request,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        return predict(request, models).withSeedPrediction();
    }

    @GetMapping("/api/v1/predict")
    @Operation(
            summary = "Quick prediction from query parameters",
            description = "Any of the twelve UCI fields; the others are filled with the champion's reference "
                    + "medians and listed in filledFields.")
    public PredictionResponse quick(
            @RequestParam Map<String, String> parameters,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        ServingModels serving = predictor.requireChampion(models);
        QuickQuery.Filled filled = QuickQuery.parse(parameters, serving.champion(), validator);
        return PredictionResponse.of(predictor.predict(serving, filled.input()), filled.filledFields());
    }

    @GetMapping("/predict")
    @Operation(summary = "The seed service's path: as GET /api/v1/predict, plus the seed's field predicted_bikes")
    public PredictionResponse seedQuick(
            @RequestParam Map<String, String> parameters,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        return quick(parameters, models).withSeedPredictedBikes();
    }

    @PostMapping("/api/v1/predict/batch")
    @Operation(summary = "Predict many hours at once; one bad row fails the request, naming every bad row and field")
    public BatchPredictionResponse batch(
            @Validated(BatchPredictRequest.SizeFirst.class) @RequestBody BatchPredictRequest request,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        ServingModels serving = predictor.requireChampion(models);
        List<PredictionResponse> predictions = new ArrayList<>(request.rows().size());
        for (PredictRequest row : request.rows()) {
            predictions.add(PredictionResponse.of(predictor.predict(serving, row.toInput()), null));
        }
        return new BatchPredictionResponse(predictions.size(), predictions);
    }

    @PostMapping("/predict/batch")
    @Operation(
            summary = "The seed service's path: as POST /api/v1/predict/batch, rows also as inputs, each answer also"
                    + " with the seed's field prediction")
    public BatchPredictionResponse seedBatch(
            @Validated(BatchPredictRequest.SizeFirst.class) @RequestBody BatchPredictRequest request,
            @Parameter(hidden = true) @RequestAttribute(PredictionRequests.SNAPSHOT) ServingModels models) {
        BatchPredictionResponse answered = batch(request, models);
        return new BatchPredictionResponse(
                answered.count(),
                answered.predictions().stream()
                        .map(PredictionResponse::withSeedPrediction)
                        .toList());
    }
}
