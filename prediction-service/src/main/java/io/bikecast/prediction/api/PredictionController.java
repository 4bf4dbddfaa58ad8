package io.bikecast.prediction.api;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.metrics.PredictionMetrics;
import io.bikecast.prediction.model.ServingModels;
import io.bikecast.prediction.serving.Answer;
import io.bikecast.prediction.serving.PredictionInput;
import io.bikecast.prediction.serving.Predictor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The prediction endpoints. Every answer names the model version that produced it. */
@RestController
@Tag(name = "predictions", description = "Hourly rental predictions from the champion (or challenger)")
public class PredictionController {

    private final Predictor predictor;
    private final PredictionMetrics metrics;
    private final int maxBatchRows;

    public PredictionController(Predictor predictor, PredictionMetrics metrics, PredictionProperties properties) {
        this.predictor = predictor;
        this.metrics = metrics;
        this.maxBatchRows = properties.maxBatchRows();
    }

    @PostMapping({"/api/v1/predict", "/predict"})
    @Operation(summary = "Predict one hour, from the UCI fields or from a timestamp and real-unit weather")
    public PredictionResponse predict(@RequestBody PredictRequest request) {
        return timed("predict", models -> {
            List<InvalidField> errors = new ArrayList<>();
            Optional<PredictionInput> input = InputValidator.validate(request, "", errors);
            if (input.isEmpty()) {
                throw ProblemException.badRequest("The prediction request has invalid fields.", errors);
            }
            return PredictionResponse.of(predictor.predict(serving(models), input.get()), null);
        });
    }

    @GetMapping({"/predict", "/api/v1/predict"})
    @Operation(
            summary = "Quick prediction from query parameters",
            description = "Any of the twelve UCI fields; the others are filled with the champion's reference "
                    + "medians and listed in filledFields.")
    public PredictionResponse quick(@RequestParam Map<String, String> parameters) {
        return timed("quick", models -> {
            ServingModels serving = serving(models);
            List<InvalidField> errors = new ArrayList<>();
            Optional<QuickQuery.Filled> filled = QuickQuery.parse(parameters, serving.champion(), errors);
            if (filled.isEmpty()) {
                throw ProblemException.badRequest("The query has invalid parameters.", errors);
            }
            Answer answer = predictor.predict(serving, filled.get().input());
            return PredictionResponse.of(answer, filled.get().filledFields());
        });
    }

    @PostMapping("/api/v1/predict/batch")
    @Operation(summary = "Predict many hours at once; one bad row fails the request, naming every bad row and field")
    public BatchPredictionResponse batch(@RequestBody BatchPredictRequest request) {
        return timed("batch", models -> {
            List<PredictRequest> rows = request.rows();
            if (rows == null || rows.isEmpty()) {
                throw ProblemException.badRequest(
                        "A batch needs at least one row.",
                        List.of(InvalidField.of("rows", "must hold 1 to " + maxBatchRows + " rows")));
            }
            if (rows.size() > maxBatchRows) {
                throw ProblemException.badRequest(
                        "The batch is too large.",
                        List.of(new InvalidField(
                                "rows", "must hold at most " + maxBatchRows + " rows but held " + rows.size(), null)));
            }
            List<InvalidField> errors = new ArrayList<>();
            List<PredictionInput> inputs = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                InputValidator.validate(rows.get(i), "rows[" + i + "].", errors).ifPresent(inputs::add);
            }
            if (!errors.isEmpty()) {
                throw ProblemException.badRequest(
                        "%d of %d rows are invalid; nothing was predicted."
                                .formatted(
                                        errors.stream()
                                                .map(e -> e.field()
                                                        .substring(0, e.field().indexOf(']')))
                                                .distinct()
                                                .count(),
                                        rows.size()),
                        errors);
            }
            ServingModels serving = serving(models);
            List<PredictionResponse> predictions = new ArrayList<>(inputs.size());
            for (PredictionInput input : inputs) {
                predictions.add(PredictionResponse.of(predictor.predict(serving, input), null));
            }
            return new BatchPredictionResponse(predictions.size(), predictions);
        });
    }

    private ServingModels serving(ServingModels models) {
        return predictor.requireChampion(models);
    }

    /** Runs a request on one snapshot of the models, recording its latency, outcome and the champion's version. */
    private <T> T timed(String endpoint, Function<ServingModels, T> work) {
        long started = System.nanoTime();
        ServingModels models = predictor.snapshot();
        String outcome = "error";
        try {
            T result = work.apply(models);
            outcome = "success";
            return result;
        } catch (ProblemException e) {
            outcome = e.status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "invalid";
            throw e;
        } finally {
            metrics.request(endpoint, outcome, version(models), System.nanoTime() - started);
        }
    }

    private static String version(@Nullable ServingModels models) {
        return models == null || models.champion() == null
                ? "none"
                : Long.toString(models.champion().version());
    }
}
