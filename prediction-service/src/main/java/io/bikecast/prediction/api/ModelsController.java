package io.bikecast.prediction.api;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.model.ServingModels;
import io.bikecast.prediction.serving.ChallengerRouter;
import io.bikecast.prediction.serving.ModelHolder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is being served now. */
@RestController
@Tag(name = "models", description = "The champion and challenger being served")
public class ModelsController {

    private final ModelHolder holder;
    private final ChallengerRouter router;
    private final String modelName;

    public ModelsController(ModelHolder holder, ChallengerRouter router, PredictionProperties properties) {
        this.holder = holder;
        this.router = router;
        this.modelName = properties.modelName();
    }

    @GetMapping("/api/v1/models/active")
    @Operation(summary = "The champion, and the challenger with its traffic share and mode, being served now")
    public ActiveModelsResponse active() {
        ServingModels models = holder.current();
        ActiveModelsResponse.Model challenger = ActiveModelsResponse.Model.of(models.challenger());
        return new ActiveModelsResponse(
                modelName,
                ActiveModelsResponse.Model.of(models.champion()),
                challenger == null
                        ? null
                        : new ActiveModelsResponse.Challenger(challenger, router.mode(), router.share()),
                models.since());
    }
}
