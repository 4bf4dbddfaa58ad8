package io.bikecast.prediction.active;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ServingModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is being served now. */
@RestController
@Tag(name = "models", description = "The champion and challenger being served")
class ActiveModelsController {

    private final ModelHolder holder;
    private final PredictionProperties properties;

    ActiveModelsController(ModelHolder holder, PredictionProperties properties) {
        this.holder = holder;
        this.properties = properties;
    }

    @GetMapping("/api/v1/models/active")
    @Operation(summary = "The champion, and the challenger with its traffic share and mode, being served now")
    ActiveModelsResponse active() {
        ServingModels models = holder.current();
        ActiveModelsResponse.Model challenger = ActiveModelsResponse.Model.of(models.challenger());
        return new ActiveModelsResponse(
                properties.modelName(),
                ActiveModelsResponse.Model.of(models.champion()),
                challenger == null
                        ? null
                        : new ActiveModelsResponse.Challenger(
                                challenger,
                                properties.challenger().mode(),
                                properties.challenger().share()),
                models.since());
    }
}
