package io.bikecast.prediction.active;

import io.bikecast.platform.web.ProblemException;
import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ServedFamilies;
import io.bikecast.prediction.serving.ServingModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What is being served now, for the default model or one of the families. */
@RestController
@Tag(name = "models", description = "The champion and challenger being served")
class ActiveModelsController {

    private final ModelHolder holder;
    private final ServedFamilies families;
    private final PredictionProperties properties;

    ActiveModelsController(ModelHolder holder, ServedFamilies families, PredictionProperties properties) {
        this.holder = holder;
        this.families = families;
        this.properties = properties;
    }

    @GetMapping("/api/v1/models/active")
    @Operation(
            summary = "The champion, and the challenger with its traffic share and mode, being served now",
            description = "Of the default model, or of the family named by `model`; 404 for a model not served here.")
    ActiveModelsResponse active(@RequestParam(required = false) @Nullable String model) {
        String modelName = model == null || model.isBlank() ? properties.modelName() : model;
        ServingModels models = servedBy(modelName).current();
        ActiveModelsResponse.Model challenger = ActiveModelsResponse.Model.of(models.challenger());
        return new ActiveModelsResponse(
                modelName,
                ActiveModelsResponse.Model.of(models.champion()),
                challenger == null
                        ? null
                        : new ActiveModelsResponse.Challenger(
                                challenger,
                                properties.challenger().mode(),
                                properties.challenger().share()),
                models.since());
    }

    private ModelHolder servedBy(String modelName) {
        if (modelName.equals(properties.modelName())) {
            return holder;
        }
        return families.all().stream()
                .filter(family -> family.modelName().equals(modelName))
                .map(ServedFamilies.Served::holder)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "This service serves no model '" + modelName + "'; it serves " + served() + "."));
    }

    private String served() {
        List<String> names = new ArrayList<>();
        names.add(properties.modelName());
        families.all().forEach(family -> names.add(family.modelName()));
        return String.join(", ", names);
    }
}
