package io.bikecast.prediction.batch;

import io.bikecast.prediction.predict.PredictionEndpoint;
import io.bikecast.prediction.predict.PredictionResponse;
import io.bikecast.prediction.predictor.PredictionInput;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.predictor.Predictors;
import io.bikecast.prediction.request.PredictRequest;
import io.bikecast.prediction.serving.ServingModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many predictions in one request, on the versioned path and on the seed service's. Every row is answered from the
 * same snapshot; a batch with a bad row is refused whole before any is predicted.
 */
@RestController
@PredictionEndpoint
@Tag(name = "predictions", description = "Hourly rental predictions from the champion (or challenger)")
class BatchController {

    private final Predictors predictors;

    BatchController(Predictors predictors) {
        this.predictors = predictors;
    }

    @PostMapping("/api/v1/predict/batch")
    @Operation(summary = "Predict many hours at once; one bad row fails the request, naming every bad row and field")
    BatchPredictionResponse batch(
            @Validated(BatchPredictRequest.SizeFirst.class) @RequestBody BatchPredictRequest request,
            @Parameter(hidden = true) ServingModels models) {
        Predictors.RequestSnapshots snapshots = predictors.snapshots(models);
        List<PredictionResponse> predictions = new ArrayList<>(request.rows().size());
        for (PredictRequest row : request.rows()) {
            PredictionInput input = row.toInput();
            Predictor predictor = predictors.forSeries(input.seriesId());
            predictions.add(PredictionResponse.of(predictor.predict(snapshots.of(predictor), input), null));
        }
        return new BatchPredictionResponse(predictions.size(), predictions);
    }

    @PostMapping("/predict/batch")
    @Operation(
            summary = "The seed service's path: as POST /api/v1/predict/batch, rows also as inputs, each answer also"
                    + " with the seed's field prediction")
    BatchPredictionResponse seedBatch(
            @Validated(BatchPredictRequest.SizeFirst.class) @RequestBody BatchPredictRequest request,
            @Parameter(hidden = true) ServingModels models) {
        BatchPredictionResponse answered = batch(request, models);
        return new BatchPredictionResponse(
                answered.count(),
                answered.predictions().stream()
                        .map(PredictionResponse::withSeedPrediction)
                        .toList());
    }
}
